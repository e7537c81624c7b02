// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Loops over checked and unchecked 256-bit arithmetic, with memory arrays.
contract Arith {
    function sumSquares(uint256 n) external pure returns (uint256 s) {
        for (uint256 i = 1; i <= n; i++) s += i * i;
    }

    function fib(uint256 n) external pure returns (uint256 a) {
        uint256 b = 1;
        for (uint256 i = 0; i < n; i++) (a, b) = (b, a + b);
    }

    function gcd(uint256 a, uint256 b) external pure returns (uint256) {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    function modExp(uint256 base, uint256 e, uint256 m) external pure returns (uint256 r) {
        r = 1;
        base %= m;
        while (e > 0) {
            if (e & 1 == 1) r = mulmod(r, base, m);
            base = mulmod(base, base, m);
            e >>= 1;
        }
    }

    function sqrt(uint256 x) external pure returns (uint256 y) {
        if (x == 0) return 0;
        uint256 z = (x + 1) / 2;
        y = x;
        while (z < y) {
            y = z;
            z = (x / z + z) / 2;
        }
    }

    /// Number of primes below n, by the sieve of Eratosthenes.
    function countPrimes(uint256 n) external pure returns (uint256 count) {
        bool[] memory composite = new bool[](n);
        for (uint256 i = 2; i < n; i++) {
            if (composite[i]) continue;
            count++;
            for (uint256 j = i * i; j < n; j += i) composite[j] = true;
        }
    }

    function sort(uint256[] memory a) external pure returns (uint256[] memory) {
        for (uint256 i = 1; i < a.length; i++) {
            uint256 v = a[i];
            uint256 j = i;
            while (j > 0 && a[j - 1] > v) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        return a;
    }

    function signedMix(int256 a, int256 b) external pure returns (int256) {
        return (a * 3 - b) / 7 + (a % 5) - (b >> 2);
    }
}
