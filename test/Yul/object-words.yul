// RUN: zkc --yul %s --emit=ast | FileCheck %s
// `object`, `code` and `data` are keywords only in the object grammar.

object "O" {
    code {
        function code(data) -> object { object := data }
        let data := code(1)
        sstore(0, data)
    }
    data "data" "object"
}

// CHECK: FunctionDefinition code(data) -> object <6:9>
// CHECK: VariableDeclaration data <7:9>
// CHECK-NEXT: FunctionCall code <7:21>
// CHECK: Data "data" <10:5> size=6 hex=6f626a656374
