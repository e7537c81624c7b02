/// @use-src 0:"C.sol"
object "C" {
    code { /** @src 0:1:20  "contract C {}" */ datacopy(0, dataoffset("D"), datasize("D")) return(0, datasize("D")) }
    data "D" hex"00ff_10"
    data "E" "text"
    object "C_deployed" { code { sstore(0, loadimmutable("x")) } }
}
