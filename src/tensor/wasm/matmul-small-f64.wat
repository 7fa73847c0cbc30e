;; Double-precision C = A·B (or C += A·B) for small products with 128-bit SIMD (f64x2), reading A
;; and B in place through their strides. matmul-f64.wat packs the operands first, as BLAS does,
;; which pays once they outgrow the caches; for products that fit in L1/L2 (the course's are 1500
;; to 15000 multiply-adds) the packing costs more than it saves, as does copying C in to add to.
;;
;; The micro-kernels hold a 4×4 or 5×4 block of C in 8 or 10 v128 registers while k runs: each
;; k step loads 2 vectors of B (4 lanes when B's columns lie apart, as in a transposed operand)
;; and splats one value of A per row. 5-row panels exist because the course's layers have 5 and
;; 10 units: with only 4-row panels a fifth row runs alone at a quarter of the speed.
;;
;; Every element is summed over k in order from 0 with separate multiply and add (no fused
;; multiply-add), as the packed kernel and the JS kernel (gemm-f64.ts) do; k blocks of 256 are
;; split by the caller as they split them. So all three give the same bits.
;;
;; Assembled by scripts/build-wasm.mjs (wabt) into matmul-small-f64.wasm.ts; the JS side is
;; gemm.ts. Addresses and strides in BYTES. Memory: [0, 160) scratch rows where partial tiles
;; are spilled; [DATA, ...) A, B and C, placed by the caller.
(module
  (memory (export "memory") 1)
  (export "DATA" (global $DATA))
  (global $DATA i32 (i32.const 256))

  ;; C[m×n, row stride ldc] (+)= A[m×k, strides ars/acs] · B[k×n, strides brs/bcs], k ≥ 1.
  ;; $acc = 0 stores the sums, so C need not be zeroed or copied in; 1 adds them to C.
  ;; Rows go in panels of 5 or 4 as fits (10 = 5+5, 9 = 5+4, 7 = 4+3...). When storing, 2-3 rows
  ;; left take a 4-row panel moved back to end at the last row, and a last partial column tile
  ;; moves back likewise: what they share with earlier panels is stored twice with equal values.
  ;; Otherwise leftover rows go one at a time and partial tiles write only their valid columns.
  (func (export "gemm")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32)
    (param $c i32) (param $ldc i32) (param $acc i32)
    (local $i i32) (local $r i32) (local $h i32)
    (block $done (loop $rows
      (local.set $r (i32.sub (local.get $m) (local.get $i)))
      (br_if $done (i32.le_s (local.get $r) (i32.const 0)))
      ;; Panel height: 5 when r ≡ 1 (mod 4), or r ≡ 2 from 10 up; else 4; else 1.
      (local.set $h
        (if (result i32) (i32.and (i32.ge_s (local.get $r) (i32.const 5))
              (i32.or (i32.eq (i32.and (local.get $r) (i32.const 3)) (i32.const 1))
                      (i32.and (i32.eq (i32.and (local.get $r) (i32.const 3)) (i32.const 2)) (i32.ge_s (local.get $r) (i32.const 10)))))
          (then (i32.const 5))
          (else (if (result i32) (i32.ge_s (local.get $r) (i32.const 4))
            (then (i32.const 4))
            (else (if (result i32) (i32.and (i32.eqz (local.get $acc))
                                     (i32.and (i32.ge_s (local.get $m) (i32.const 4)) (i32.ge_s (local.get $r) (i32.const 2))))
              (then
                (local.set $i (i32.sub (local.get $m) (i32.const 4)))
                (i32.const 4))
              (else (i32.const 1))))))))
      (if (i32.eq (local.get $h) (i32.const 5))
        (then (call $panel5 (local.get $k)
          (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))) (local.get $ars) (local.get $acs)
          (local.get $b) (local.get $brs) (local.get $bcs)
          (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))) (local.get $ldc) (local.get $n) (local.get $acc)))
        (else (if (i32.eq (local.get $h) (i32.const 4))
          (then (call $panel4 (local.get $k)
            (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))) (local.get $ars) (local.get $acs)
            (local.get $b) (local.get $brs) (local.get $bcs)
            (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))) (local.get $ldc) (local.get $n) (local.get $acc)))
          (else (call $panel1 (local.get $k)
            (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))) (local.get $acs)
            (local.get $b) (local.get $brs) (local.get $bcs)
            (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))) (local.get $n) (local.get $acc))))))
      (local.set $i (i32.add (local.get $i) (local.get $h)))
      (br $rows))))

  (func $min (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))

  ;; 4 rows of gemm: every 4-column tile, kc ≥ 1 steps each. A partial last tile (when adding,
  ;; or when n < 4) repeats its last column in the missing lanes: computed, not stored.
  (func $panel4 (param $kc i32) (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32) (param $c i32) (param $ldc i32) (param $n i32) (param $acc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $r2 i32) (local $r3 i32)
    (local $j i32) (local $cols i32) (local $kk i32) (local $pa i32) (local $pb i32) (local $q i32) (local $r i32)
    (local.set $r2 (i32.mul (local.get $ars) (i32.const 2)))
    (local.set $r3 (i32.mul (local.get $ars) (i32.const 3)))
    (block $done (loop $tiles
      (br_if $done (i32.ge_s (local.get $j) (local.get $n)))
      (if (i32.and (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $n))
                   (i32.and (i32.eqz (local.get $acc)) (i32.ge_s (local.get $n) (i32.const 4))))
        (then (local.set $j (i32.sub (local.get $n) (i32.const 4)))))
      (local.set $cols (call $min (i32.const 4) (i32.sub (local.get $n) (local.get $j))))
      (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
      (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
      (local.set $c20 (v128.const i64x2 0 0)) (local.set $c21 (v128.const i64x2 0 0))
      (local.set $c30 (v128.const i64x2 0 0)) (local.set $c31 (v128.const i64x2 0 0))
      (local.set $kk (local.get $kc))
      (local.set $pa (local.get $a))
      (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bcs))))
      (if (i32.and (i32.eq (local.get $cols) (i32.const 4)) (i32.eq (local.get $bcs) (i32.const 8)))
        (then
          ;; B's rows are contiguous: two vector loads per k.
          (loop $k
            (local.set $b0 (v128.load (local.get $pb)))
            (local.set $b1 (v128.load offset=16 (local.get $pb)))
            (local.set $x (v128.load64_splat (local.get $pa)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $ars))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r2))))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r3))))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
            (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
            (br_if $k (local.tee $kk (i32.sub (local.get $kk) (i32.const 1))))))
        (else
          ;; Columns apart (a transposed B) or a partial tile: one lane at a time.
          (local.set $o1 (i32.mul (local.get $bcs) (call $min (i32.const 1) (i32.sub (local.get $cols) (i32.const 1)))))
          (local.set $o2 (i32.mul (local.get $bcs) (call $min (i32.const 2) (i32.sub (local.get $cols) (i32.const 1)))))
          (local.set $o3 (i32.mul (local.get $bcs) (call $min (i32.const 3) (i32.sub (local.get $cols) (i32.const 1)))))
          (loop $k
            (local.set $b0 (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o1)) (v128.load64_splat (local.get $pb))))
            (local.set $b1 (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o3)) (v128.load64_splat (i32.add (local.get $pb) (local.get $o2)))))
            (local.set $x (v128.load64_splat (local.get $pa)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $ars))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r2))))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r3))))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
            (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
            (br_if $k (local.tee $kk (i32.sub (local.get $kk) (i32.const 1)))))))
      (local.set $q (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
      (if (i32.eq (local.get $cols) (i32.const 4))
        (then
          (if (local.get $acc)
            (then
              (call $add2 (local.get $q) (local.get $c00) (local.get $c01))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c10) (local.get $c11))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c20) (local.get $c21))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c30) (local.get $c31)))
            (else
              (v128.store (local.get $q) (local.get $c00))
              (v128.store offset=16 (local.get $q) (local.get $c01))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c10))
              (v128.store offset=16 (local.get $q) (local.get $c11))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c20))
              (v128.store offset=16 (local.get $q) (local.get $c21))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c30))
              (v128.store offset=16 (local.get $q) (local.get $c31)))))
        (else
          ;; A partial tile: spill to the scratch rows at 0 and write only the valid columns.
          (v128.store offset=0 (i32.const 0) (local.get $c00))
          (v128.store offset=16 (i32.const 0) (local.get $c01))
          (v128.store offset=32 (i32.const 0) (local.get $c10))
          (v128.store offset=48 (i32.const 0) (local.get $c11))
          (v128.store offset=64 (i32.const 0) (local.get $c20))
          (v128.store offset=80 (i32.const 0) (local.get $c21))
          (v128.store offset=96 (i32.const 0) (local.get $c30))
          (v128.store offset=112 (i32.const 0) (local.get $c31))
          (local.set $r (i32.const 0))
          (loop $row
            (call $edge (local.get $q) (i32.shl (local.get $r) (i32.const 5)) (local.get $cols) (local.get $acc))
            (local.set $q (i32.add (local.get $q) (local.get $ldc)))
            (br_if $row (i32.lt_s (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const 4))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $tiles))))


  ;; 5 rows of gemm: every 4-column tile, kc ≥ 1 steps each. A partial last tile (when adding,
  ;; or when n < 4) repeats its last column in the missing lanes: computed, not stored.
  (func $panel5 (param $kc i32) (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32) (param $c i32) (param $ldc i32) (param $n i32) (param $acc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $c40 v128) (local $c41 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $r2 i32) (local $r3 i32) (local $r4 i32)
    (local $j i32) (local $cols i32) (local $kk i32) (local $pa i32) (local $pb i32) (local $q i32) (local $r i32)
    (local.set $r2 (i32.mul (local.get $ars) (i32.const 2)))
    (local.set $r3 (i32.mul (local.get $ars) (i32.const 3)))
    (local.set $r4 (i32.mul (local.get $ars) (i32.const 4)))
    (block $done (loop $tiles
      (br_if $done (i32.ge_s (local.get $j) (local.get $n)))
      (if (i32.and (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $n))
                   (i32.and (i32.eqz (local.get $acc)) (i32.ge_s (local.get $n) (i32.const 4))))
        (then (local.set $j (i32.sub (local.get $n) (i32.const 4)))))
      (local.set $cols (call $min (i32.const 4) (i32.sub (local.get $n) (local.get $j))))
      (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
      (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
      (local.set $c20 (v128.const i64x2 0 0)) (local.set $c21 (v128.const i64x2 0 0))
      (local.set $c30 (v128.const i64x2 0 0)) (local.set $c31 (v128.const i64x2 0 0))
      (local.set $c40 (v128.const i64x2 0 0)) (local.set $c41 (v128.const i64x2 0 0))
      (local.set $kk (local.get $kc))
      (local.set $pa (local.get $a))
      (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bcs))))
      (if (i32.and (i32.eq (local.get $cols) (i32.const 4)) (i32.eq (local.get $bcs) (i32.const 8)))
        (then
          ;; B's rows are contiguous: two vector loads per k.
          (loop $k
            (local.set $b0 (v128.load (local.get $pb)))
            (local.set $b1 (v128.load offset=16 (local.get $pb)))
            (local.set $x (v128.load64_splat (local.get $pa)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $ars))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r2))))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r3))))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r4))))
            (local.set $c40 (f64x2.add (local.get $c40) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c41 (f64x2.add (local.get $c41) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
            (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
            (br_if $k (local.tee $kk (i32.sub (local.get $kk) (i32.const 1))))))
        (else
          ;; Columns apart (a transposed B) or a partial tile: one lane at a time.
          (local.set $o1 (i32.mul (local.get $bcs) (call $min (i32.const 1) (i32.sub (local.get $cols) (i32.const 1)))))
          (local.set $o2 (i32.mul (local.get $bcs) (call $min (i32.const 2) (i32.sub (local.get $cols) (i32.const 1)))))
          (local.set $o3 (i32.mul (local.get $bcs) (call $min (i32.const 3) (i32.sub (local.get $cols) (i32.const 1)))))
          (loop $k
            (local.set $b0 (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o1)) (v128.load64_splat (local.get $pb))))
            (local.set $b1 (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o3)) (v128.load64_splat (i32.add (local.get $pb) (local.get $o2)))))
            (local.set $x (v128.load64_splat (local.get $pa)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $ars))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r2))))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r3))))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $r4))))
            (local.set $c40 (f64x2.add (local.get $c40) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c41 (f64x2.add (local.get $c41) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
            (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
            (br_if $k (local.tee $kk (i32.sub (local.get $kk) (i32.const 1)))))))
      (local.set $q (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
      (if (i32.eq (local.get $cols) (i32.const 4))
        (then
          (if (local.get $acc)
            (then
              (call $add2 (local.get $q) (local.get $c00) (local.get $c01))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c10) (local.get $c11))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c20) (local.get $c21))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c30) (local.get $c31))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (call $add2 (local.get $q) (local.get $c40) (local.get $c41)))
            (else
              (v128.store (local.get $q) (local.get $c00))
              (v128.store offset=16 (local.get $q) (local.get $c01))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c10))
              (v128.store offset=16 (local.get $q) (local.get $c11))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c20))
              (v128.store offset=16 (local.get $q) (local.get $c21))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c30))
              (v128.store offset=16 (local.get $q) (local.get $c31))
              (local.set $q (i32.add (local.get $q) (local.get $ldc)))
              (v128.store (local.get $q) (local.get $c40))
              (v128.store offset=16 (local.get $q) (local.get $c41)))))
        (else
          ;; A partial tile: spill to the scratch rows at 0 and write only the valid columns.
          (v128.store offset=0 (i32.const 0) (local.get $c00))
          (v128.store offset=16 (i32.const 0) (local.get $c01))
          (v128.store offset=32 (i32.const 0) (local.get $c10))
          (v128.store offset=48 (i32.const 0) (local.get $c11))
          (v128.store offset=64 (i32.const 0) (local.get $c20))
          (v128.store offset=80 (i32.const 0) (local.get $c21))
          (v128.store offset=96 (i32.const 0) (local.get $c30))
          (v128.store offset=112 (i32.const 0) (local.get $c31))
          (v128.store offset=128 (i32.const 0) (local.get $c40))
          (v128.store offset=144 (i32.const 0) (local.get $c41))
          (local.set $r (i32.const 0))
          (loop $row
            (call $edge (local.get $q) (i32.shl (local.get $r) (i32.const 5)) (local.get $cols) (local.get $acc))
            (local.set $q (i32.add (local.get $q) (local.get $ldc)))
            (br_if $row (i32.lt_s (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const 5))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $tiles))))


  ;; One row of gemm (rows left over when adding, or all of them when m < 4).
  (func $panel1 (param $kc i32) (param $a i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32) (param $c i32) (param $n i32) (param $acc i32)
    (local $c0 v128) (local $c1 v128) (local $x v128) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $j i32) (local $cols i32) (local $kk i32) (local $pa i32) (local $pb i32)
    (block $done (loop $tiles
      (br_if $done (i32.ge_s (local.get $j) (local.get $n)))
      (local.set $cols (call $min (i32.const 4) (i32.sub (local.get $n) (local.get $j))))
      (local.set $o1 (i32.mul (local.get $bcs) (call $min (i32.const 1) (i32.sub (local.get $cols) (i32.const 1)))))
      (local.set $o2 (i32.mul (local.get $bcs) (call $min (i32.const 2) (i32.sub (local.get $cols) (i32.const 1)))))
      (local.set $o3 (i32.mul (local.get $bcs) (call $min (i32.const 3) (i32.sub (local.get $cols) (i32.const 1)))))
      (local.set $c0 (v128.const i64x2 0 0))
      (local.set $c1 (v128.const i64x2 0 0))
      (local.set $kk (local.get $kc))
      (local.set $pa (local.get $a))
      (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bcs))))
      (loop $k
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $x)
          (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o1)) (v128.load64_splat (local.get $pb))))))
        (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $x)
          (v128.load64_lane 1 (i32.add (local.get $pb) (local.get $o3)) (v128.load64_splat (i32.add (local.get $pb) (local.get $o2)))))))
        (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
        (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
        (br_if $k (local.tee $kk (i32.sub (local.get $kk) (i32.const 1)))))
      (v128.store offset=0 (i32.const 0) (local.get $c0))
      (v128.store offset=16 (i32.const 0) (local.get $c1))
      (call $edge (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (i32.const 0) (local.get $cols) (local.get $acc))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $tiles))))

  ;; C[q..q+3] += the two vectors, C's value first.
  (func $add2 (param $q i32) (param $v0 v128) (param $v1 v128)
    (v128.store (local.get $q) (f64x2.add (v128.load (local.get $q)) (local.get $v0)))
    (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $v1))))

  ;; Writes the first $cols sums of the scratch row at byte $s to C at $c (adding when $acc).
  (func $edge (param $c i32) (param $s i32) (param $cols i32) (param $acc i32)
    (local $v f64)
    (loop $col
      (local.set $v (f64.load (local.get $s)))
      (if (local.get $acc) (then (local.set $v (f64.add (f64.load (local.get $c)) (local.get $v)))))
      (f64.store (local.get $c) (local.get $v))
      (local.set $c (i32.add (local.get $c) (i32.const 8)))
      (local.set $s (i32.add (local.get $s) (i32.const 8)))
      (br_if $col (local.tee $cols (i32.sub (local.get $cols) (i32.const 1))))))
)
