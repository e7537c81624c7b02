{
    function f(a, b) -> x, y { x := add(a, b) y := 0x20 if lt(x, y) { leave } }
    let p, q := f(1, 2)
    for { let i := 0 } lt(i, 10) { i := add(i, 1) } {
        if eq(i, 3) { continue }
        switch i case 0 { break } case "a" { } case true { } default { p := 1 }
    }
    mstore(0, "a\x41\u0041\n")
}
