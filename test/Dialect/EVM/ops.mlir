// RUN: zkc-opt %s | zkc-opt | FileCheck %s
// Every operation prints in a form that parses back to itself.

// CHECK-LABEL: evm.object @C {
evm.object @C {
  // CHECK: evm.code {
  evm.code {
    %c0 = arith.constant 0 : i256
    // CHECK: %[[SIZE:.+]] = evm.datasize @C_deployed
    %size = evm.datasize @C_deployed
    // CHECK: %[[OFF:.+]] = evm.dataoffset @C_deployed
    %off = evm.dataoffset @C_deployed
    // CHECK: evm.datasize @C
    %self = evm.datasize @C
    // CHECK: evm.datasize @meta
    %meta = evm.datasize @meta
    // CHECK: evm.datasize @C_deployed::@Inner
    %inner = evm.datasize @C_deployed::@Inner
    // CHECK: evm.datacopy %{{.*}}, %[[OFF]], %[[SIZE]]
    evm.datacopy %c0, %off, %size
    // CHECK: evm.setimmutable %{{.*}}, "owner", %{{.*}}
    %caller = evm.caller
    evm.setimmutable %c0, "owner", %caller
    // CHECK: evm.return %{{.*}}, %[[SIZE]]
    evm.return %c0, %size
  }
  // CHECK: evm.data @meta "\A2d"
  evm.data @meta "\A2\64"
  evm.object @C_deployed {
    evm.code {
      %c0 = arith.constant 0 : i256
      %c1 = arith.constant 1 : i256
      %c2 = arith.constant 2 : i256
      // CHECK: evm.add
      %0 = evm.add %c1, %c2
      // CHECK: evm.sub
      %1 = evm.sub %0, %c1
      // CHECK: evm.mul
      %2 = evm.mul %1, %c2
      // CHECK: evm.div
      %3 = evm.div %2, %c2
      // CHECK: evm.sdiv
      %4 = evm.sdiv %3, %c2
      // CHECK: evm.mod
      %5 = evm.mod %4, %c2
      // CHECK: evm.smod
      %6 = evm.smod %5, %c2
      // CHECK: evm.exp
      %7 = evm.exp %6, %c2
      // CHECK: evm.signextend
      %8 = evm.signextend %c0, %7
      // CHECK: evm.addmod {{.*}}, {{.*}}, {{.*}}
      %9 = evm.addmod %8, %c1, %c2
      // CHECK: evm.mulmod
      %10 = evm.mulmod %9, %c1, %c2
      // CHECK: evm.lt
      %11 = evm.lt %10, %c1
      // CHECK: evm.gt
      %12 = evm.gt %11, %c1
      // CHECK: evm.slt
      %13 = evm.slt %12, %c1
      // CHECK: evm.sgt
      %14 = evm.sgt %13, %c1
      // CHECK: evm.eq
      %15 = evm.eq %14, %c1
      // CHECK: evm.iszero
      %16 = evm.iszero %15
      // CHECK: evm.and
      %17 = evm.and %16, %c1
      // CHECK: evm.or
      %18 = evm.or %17, %c1
      // CHECK: evm.xor
      %19 = evm.xor %18, %c1
      // CHECK: evm.not
      %20 = evm.not %19
      // CHECK: evm.byte
      %21 = evm.byte %c0, %20
      // CHECK: evm.shl
      %22 = evm.shl %c1, %21
      // CHECK: evm.shr
      %23 = evm.shr %c1, %22
      // CHECK: evm.sar
      %24 = evm.sar %c1, %23
      // CHECK: evm.keccak256
      %25 = evm.keccak256 %c0, %c2
      // CHECK: evm.mload
      %26 = evm.mload %c0
      // CHECK: evm.mstore
      evm.mstore %c0, %26
      // CHECK: evm.mstore8
      evm.mstore8 %c0, %25
      // CHECK: evm.mcopy
      evm.mcopy %c0, %c1, %c2
      // CHECK: evm.msize
      %27 = evm.msize
      // CHECK: evm.sload
      %28 = evm.sload %c0
      // CHECK: evm.sstore
      evm.sstore %c0, %28
      // CHECK: evm.tload
      %29 = evm.tload %c0
      // CHECK: evm.tstore
      evm.tstore %c0, %29
      // CHECK: evm.gas
      %30 = evm.gas
      // CHECK: evm.address
      %31 = evm.address
      // CHECK: evm.balance
      %32 = evm.balance %31
      // CHECK: evm.selfbalance
      %33 = evm.selfbalance
      // CHECK: evm.callvalue
      %34 = evm.callvalue
      // CHECK: evm.calldataload
      %35 = evm.calldataload %c0
      // CHECK: evm.calldatasize
      %36 = evm.calldatasize
      // CHECK: evm.calldatacopy
      evm.calldatacopy %c0, %c0, %36
      // CHECK: evm.codesize
      %37 = evm.codesize
      // CHECK: evm.codecopy
      evm.codecopy %c0, %c0, %37
      // CHECK: evm.extcodesize
      %38 = evm.extcodesize %31
      // CHECK: evm.extcodecopy
      evm.extcodecopy %31, %c0, %c0, %38
      // CHECK: evm.extcodehash
      %39 = evm.extcodehash %31
      // CHECK: evm.returndatasize
      %40 = evm.returndatasize
      // CHECK: evm.returndatacopy
      evm.returndatacopy %c0, %c0, %40
      // CHECK: evm.call {{.*}}, {{.*}}, {{.*}}, {{.*}}, {{.*}}, {{.*}}, {{.*}}
      %41 = evm.call %30, %31, %c0, %c0, %c0, %c0, %c0
      // CHECK: evm.delegatecall
      %42 = evm.delegatecall %30, %31, %c0, %c0, %c0, %c0
      // CHECK: evm.staticcall
      %43 = evm.staticcall %30, %31, %c0, %c0, %c0, %c0
      // CHECK: evm.create
      %44 = evm.create %c0, %c0, %c0
      // CHECK: evm.create2
      %45 = evm.create2 %c0, %c0, %c0, %c1
      // CHECK: evm.log %{{.*}}, %{{.*}}{{$}}
      evm.log %c0, %c0
      // CHECK: evm.log %{{.*}}, %{{.*}} topics(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
      evm.log %c0, %c0 topics(%c1, %c1, %c1, %c1)
      // CHECK: evm.chainid
      %46 = evm.chainid
      // CHECK: evm.basefee
      %47 = evm.basefee
      // CHECK: evm.blobbasefee
      %48 = evm.blobbasefee
      // CHECK: evm.blobhash
      %49 = evm.blobhash %c0
      // CHECK: evm.origin
      %50 = evm.origin
      // CHECK: evm.gasprice
      %51 = evm.gasprice
      // CHECK: evm.blockhash
      %52 = evm.blockhash %c0
      // CHECK: evm.coinbase
      %53 = evm.coinbase
      // CHECK: evm.timestamp
      %54 = evm.timestamp
      // CHECK: evm.number
      %55 = evm.number
      // CHECK: evm.prevrandao
      %56 = evm.prevrandao
      // CHECK: evm.gaslimit
      %57 = evm.gaslimit
      // CHECK: evm.loadimmutable "owner"
      %58 = evm.loadimmutable "owner"
      // CHECK: evm.linkersymbol "L.sol:L"
      %59 = evm.linkersymbol "L.sol:L"
      // CHECK: evm.memoryguard 128
      %60 = evm.memoryguard 128
      %61 = func.call @f(%60) : (i256) -> i256
      // CHECK: cf.cond_br
      %cond = arith.cmpi ne, %61, %c0 : i256
      cf.cond_br %cond, ^stop, ^revert
    ^stop:
      // CHECK: evm.stop
      evm.stop
    ^revert:
      // CHECK: evm.revert
      evm.revert %c0, %c0
    }
    // CHECK: func.func private @f
    func.func private @f(%x: i256) -> i256 {
      return %x : i256
    }
    evm.object @Inner {
      evm.code {
        // CHECK: evm.invalid
        evm.invalid
      }
    }
  }
}
