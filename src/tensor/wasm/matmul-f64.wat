;; Double-precision matrix product C += A·B with 128-bit SIMD (f64x2): the structure of
;; matmul-f32.wat (read that file's notes first) with 4-row A slivers and 4-column B slivers of
;; doubles, so the 4×4 micro-kernel holds its block of C in 8 v128 registers and each k step costs
;; 2 loads of B, 4 splatted loads of A and 16 SIMD multiply/adds (32 flops).
;;
;; Assembled by scripts/build-wasm.mjs (wabt) into matmul-f64.wasm.ts. Addresses and strides in
;; BYTES. Memory layout:
;;   [0, 128)            a 4×4 tile, where partial edge tiles are spilled
;;   [PACK_A, +MC·KC·8)  packed A block
;;   [PACK_B, +KC·NC·8)  packed B block
;;   [DATA, ...)         A, B and C, placed by the caller
;; Sums are accumulated in float64 without fused multiply-add, in the JS kernel's order (each
;; element summed from 0 over a k block of 256, then added to C), so results agree with it exactly.
(module
  (memory (export "memory") 16)

  ;; Blocking sizes: MC·KC doubles of A (256 KiB) stay in L2 while every B sliver streams
  ;; through; one KC×4 B sliver (8 KiB) stays in L1 across the A slivers.
  (global $MC i32 (i32.const 128))
  (global $KC i32 (i32.const 256))
  (global $NC i32 (i32.const 256))
  (global $PACK_A i32 (i32.const 256))      ;; 128·256·8 = 262144 bytes
  (global $PACK_B i32 (i32.const 262400))   ;; 256·256·8 = 524288 bytes
  (export "DATA" (global $DATA))
  (global $DATA i32 (i32.const 786688))

  ;; C[m×n, row stride ldc] += A[m×k, strides ars/acs] · B[k×n, strides brs/bcs].
  (func (export "gemm")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32)
    (param $c i32) (param $ldc i32)
    (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32)
    (local $jr i32) (local $ir i32) (local $pa i32) (local $pb i32)
    (local.set $jc (i32.const 0))
    (block $jc_done (loop $jc_loop
      (br_if $jc_done (i32.ge_s (local.get $jc) (local.get $n)))
      (local.set $nc (call $min (global.get $NC) (i32.sub (local.get $n) (local.get $jc))))
      (local.set $pc (i32.const 0))
      (block $pc_done (loop $pc_loop
        (br_if $pc_done (i32.ge_s (local.get $pc) (local.get $k)))
        (local.set $kc (call $min (global.get $KC) (i32.sub (local.get $k) (local.get $pc))))
        (call $packB (local.get $kc) (local.get $nc)
          (i32.add (local.get $b) (i32.add (i32.mul (local.get $pc) (local.get $brs)) (i32.mul (local.get $jc) (local.get $bcs))))
          (local.get $brs) (local.get $bcs) (global.get $PACK_B))
        (local.set $ic (i32.const 0))
        (block $ic_done (loop $ic_loop
          (br_if $ic_done (i32.ge_s (local.get $ic) (local.get $m)))
          (local.set $mc (call $min (global.get $MC) (i32.sub (local.get $m) (local.get $ic))))
          (call $packA (local.get $mc) (local.get $kc)
            (i32.add (local.get $a) (i32.add (i32.mul (local.get $ic) (local.get $ars)) (i32.mul (local.get $pc) (local.get $acs))))
            (local.get $ars) (local.get $acs) (global.get $PACK_A))
          ;; Macro-kernel: every 4-column sliver of B against every 4-row sliver of A.
          (local.set $jr (i32.const 0))
          (local.set $pb (global.get $PACK_B))
          (block $jr_done (loop $jr_loop
            (br_if $jr_done (i32.ge_s (local.get $jr) (local.get $nc)))
            (local.set $ir (i32.const 0))
            (local.set $pa (global.get $PACK_A))
            (block $ir_done (loop $ir_loop
              (br_if $ir_done (i32.ge_s (local.get $ir) (local.get $mc)))
              (call $kernel (local.get $kc) (local.get $pa) (local.get $pb)
                (i32.add (local.get $c)
                  (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc))
                           (i32.shl (i32.add (local.get $jc) (local.get $jr)) (i32.const 3))))
                (local.get $ldc)
                (call $min (i32.const 4) (i32.sub (local.get $mc) (local.get $ir)))
                (call $min (i32.const 4) (i32.sub (local.get $nc) (local.get $jr))))
              (local.set $pa (i32.add (local.get $pa) (i32.shl (local.get $kc) (i32.const 5))))
              (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
              (br $ir_loop)))
            (local.set $pb (i32.add (local.get $pb) (i32.shl (local.get $kc) (i32.const 5))))
            (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
            (br $jr_loop)))
          (local.set $ic (i32.add (local.get $ic) (global.get $MC)))
          (br $ic_loop)))
        (local.set $pc (i32.add (local.get $pc) (global.get $KC)))
        (br $pc_loop)))
      (local.set $jc (i32.add (local.get $jc) (global.get $NC)))
      (br $jc_loop))))

  (func $min (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))

  ;; Packs the kc×nc block of B at $src into 4-column slivers, k-major within each sliver
  ;; (4 consecutive doubles per k), the last sliver padded with zeros.
  (func $packB (param $kc i32) (param $nc i32) (param $src i32) (param $brs i32) (param $bcs i32) (param $dst i32)
    (local $j i32) (local $w i32) (local $p i32) (local $q i32) (local $kk i32) (local $jj i32)
    (block $done (loop $sliver
      (br_if $done (i32.ge_s (local.get $j) (local.get $nc)))
      (local.set $w (call $min (i32.const 4) (i32.sub (local.get $nc) (local.get $j))))
      (local.set $p (i32.add (local.get $src) (i32.mul (local.get $j) (local.get $bcs))))
      (local.set $kk (local.get $kc))
      (if (i32.and (i32.eq (local.get $w) (i32.const 4)) (i32.eq (local.get $bcs) (i32.const 8)))
        (then
          ;; Rows of B are contiguous: two vector copies per k.
          (loop $row
            (v128.store (local.get $dst) (v128.load (local.get $p)))
            (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $p)))
            (local.set $p (i32.add (local.get $p) (local.get $brs)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (br_if $row (local.tee $kk (i32.sub (local.get $kk) (i32.const 1))))))
        (else
          (loop $row
            (local.set $jj (i32.const 0))
            (local.set $q (local.get $p))
            (loop $col
              (f64.store (local.get $dst)
                (select (f64.load (local.get $q)) (f64.const 0) (i32.lt_s (local.get $jj) (local.get $w))))
              (local.set $q (i32.add (local.get $q) (select (local.get $bcs) (i32.const 0) (i32.lt_s (i32.add (local.get $jj) (i32.const 1)) (local.get $w)))))
              (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
              (br_if $col (i32.lt_s (local.tee $jj (i32.add (local.get $jj) (i32.const 1))) (i32.const 4))))
            (local.set $p (i32.add (local.get $p) (local.get $brs)))
            (br_if $row (local.tee $kk (i32.sub (local.get $kk) (i32.const 1)))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $sliver))))

  ;; Packs the mc×kc block of A at $src into 4-row slivers, k-major within each sliver
  ;; (the 4 rows' values for one k side by side, 32 bytes), the last sliver padded with zeros.
  (func $packA (param $mc i32) (param $kc i32) (param $src i32) (param $ars i32) (param $acs i32) (param $dst i32)
    (local $i i32) (local $h i32) (local $p i32) (local $kk i32)
    (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (block $done (loop $sliver
      (br_if $done (i32.ge_s (local.get $i) (local.get $mc)))
      (local.set $h (call $min (i32.const 4) (i32.sub (local.get $mc) (local.get $i))))
      (local.set $p (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $ars))))
      (local.set $kk (local.get $kc))
      (if (i32.and (i32.eq (local.get $h) (i32.const 4)) (i32.eq (local.get $ars) (i32.const 8)))
        (then
          ;; A stored column by column (a transposed operand): two vector copies per k.
          (loop $col
            (v128.store (local.get $dst) (v128.load (local.get $p)))
            (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $p)))
            (local.set $p (i32.add (local.get $p) (local.get $acs)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (br_if $col (local.tee $kk (i32.sub (local.get $kk) (i32.const 1))))))
        (else
          ;; Missing rows of the last sliver read row 0 again and are zeroed by the select.
          (local.set $r1 (select (local.get $ars) (i32.const 0) (i32.gt_s (local.get $h) (i32.const 1))))
          (local.set $r2 (select (i32.shl (local.get $ars) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $h) (i32.const 2))))
          (local.set $r3 (select (i32.mul (local.get $ars) (i32.const 3)) (i32.const 0) (i32.gt_s (local.get $h) (i32.const 3))))
          (loop $col
            (f64.store (local.get $dst) (f64.load (local.get $p)))
            (f64.store offset=8 (local.get $dst)
              (select (f64.load (i32.add (local.get $p) (local.get $r1))) (f64.const 0) (i32.gt_s (local.get $h) (i32.const 1))))
            (f64.store offset=16 (local.get $dst)
              (select (f64.load (i32.add (local.get $p) (local.get $r2))) (f64.const 0) (i32.gt_s (local.get $h) (i32.const 2))))
            (f64.store offset=24 (local.get $dst)
              (select (f64.load (i32.add (local.get $p) (local.get $r3))) (f64.const 0) (i32.gt_s (local.get $h) (i32.const 3))))
            (local.set $p (i32.add (local.get $p) (local.get $acs)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (br_if $col (local.tee $kk (i32.sub (local.get $kk) (i32.const 1)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $sliver))))

  ;; The 4×4 micro-kernel: C[rows×cols at $c] += packed A sliver · packed B sliver over kc.
  (func $kernel (param $kc i32) (param $pa i32) (param $pb i32) (param $c i32) (param $ldc i32) (param $rows i32) (param $cols i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $r i32) (local $j i32) (local $q i32)
    (loop $k
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $x (v128.load64_splat (local.get $pa)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=8 (local.get $pa)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=16 (local.get $pa)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load64_splat offset=24 (local.get $pa)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
      (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
      (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
      (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (if (i32.and (i32.eq (local.get $rows) (i32.const 4)) (i32.eq (local.get $cols) (i32.const 4)))
      (then
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $c00)))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c01)))
        (local.set $c (i32.add (local.get $c) (local.get $ldc)))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $c10)))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c11)))
        (local.set $c (i32.add (local.get $c) (local.get $ldc)))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $c20)))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c21)))
        (local.set $c (i32.add (local.get $c) (local.get $ldc)))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $c30)))
        (v128.store offset=16 (local.get $c) (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c31)))
        (return)))
    ;; An edge tile: spill the block to the scratch tile at 0 and add only its valid part.
    (v128.store offset=0 (i32.const 0) (local.get $c00))
    (v128.store offset=16 (i32.const 0) (local.get $c01))
    (v128.store offset=32 (i32.const 0) (local.get $c10))
    (v128.store offset=48 (i32.const 0) (local.get $c11))
    (v128.store offset=64 (i32.const 0) (local.get $c20))
    (v128.store offset=80 (i32.const 0) (local.get $c21))
    (v128.store offset=96 (i32.const 0) (local.get $c30))
    (v128.store offset=112 (i32.const 0) (local.get $c31))
    (loop $row
      (local.set $j (i32.const 0))
      (loop $col
        (local.set $q (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $q)
          (f64.add (f64.load (local.get $q))
                   (f64.load (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 2)) (local.get $j)) (i32.const 3)))))
        (br_if $col (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $cols))))
      (local.set $c (i32.add (local.get $c) (local.get $ldc)))
      (br_if $row (i32.lt_s (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $rows)))))
)
