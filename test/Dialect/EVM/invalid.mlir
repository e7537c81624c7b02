// RUN: zkc-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'evm.object' op must hold exactly one evm.code, found 0}}
evm.object @NoCode {
}

// -----

// expected-error @+1 {{'evm.object' op must hold exactly one evm.code, found 2}}
evm.object @TwoCodes {
  evm.code {
    evm.stop
  }
  evm.code {
    evm.stop
  }
}

// -----

evm.object @BadRef {
  evm.code {
    // expected-error @+1 {{'evm.datasize' op refers to @Missing, which is neither this object nor one of its sub-objects or data sections}}
    %0 = evm.datasize @Missing
    evm.stop
  }
}

// -----

evm.object @TooManyTopics {
  evm.code {
    %c0 = arith.constant 0 : i256
    // expected-error @+1 {{'evm.log' op takes at most 4 topics, got 5}}
    evm.log %c0, %c0 topics(%c0, %c0, %c0, %c0, %c0)
    evm.stop
  }
}

// -----

evm.object @NegativeGuard {
  evm.code {
    // expected-error @+1 {{'evm.memoryguard' op size must not be negative}}
    %0 = evm.memoryguard -1
    evm.stop
  }
}

// -----

func.func @code_outside_object() {
  // expected-error @+1 {{'evm.code' op expects parent op 'evm.object'}}
  evm.code {
    evm.stop
  }
  return
}

// -----

evm.object @WrongType {
  evm.code {
    // expected-note @+1 {{prior use here}}
    %c0 = arith.constant 0 : i64
    // expected-error @+1 {{use of value '%c0' expects different type than prior uses: 'i256' vs 'i64'}}
    %0 = evm.add %c0, %c0
    evm.stop
  }
}

// -----

// expected-error @+1 {{'evm.object' op may only hold evm.code, func.func, evm.data and evm.object, not arith.constant}}
evm.object @Stray {
  evm.code {
    evm.stop
  }
  %c0 = arith.constant 0 : i256
}

// -----

evm.object @EntryArgs {
  // expected-error @+1 {{'evm.code' op entry block must have no arguments}}
  evm.code {
  ^bb0(%x: i256):
    evm.stop
  }
}
