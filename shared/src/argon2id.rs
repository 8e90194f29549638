//! Argon2id (RFC 9106, version 0x13) with a wasm SIMD compression function,
//! for the browser's worker.
//!
//! The `argon2` crate's BlaMka compression is scalar on wasm32 (LLVM does not
//! vectorise it), and it is nearly all of Argon2id's time. Here each 128-bit
//! vector holds two of a block's 64-bit words, so one instruction works on
//! two columns (or diagonals) of the permutation at once, as in the
//! reference implementation's SSE code. Everything else (H0, H', indexing)
//! follows RFC 9106 section 3. Compiled only for wasm32 with `simd128`
//! enabled (`.cargo/config.toml`); elsewhere `kdf::pass_key` uses the crate,
//! and the browser tests (`frontend/tests/argon2id.rs`) hold this one to the
//! crate and to RFC 9106's test vector.

use core::arch::wasm32::{
    i8x16_shuffle, i32x4_shuffle, i64x2_add, i64x2_shuffle, u8x16_avgr, u64x2,
    u64x2_extmul_high_u32x4, u64x2_extmul_low_u32x4, u64x2_extract_lane, u64x2_shr, v128, v128_xor,
};

use std::cell::RefCell;

use blake2::{Blake2b256, Blake2b512, Digest};
use zeroize::{Zeroize, Zeroizing};

/// RFC 9106: a block is 1 KiB, 128 64-bit words; here 64 vectors of two.
const WORDS: usize = 128;
const VECS: usize = WORDS / 2;
const SYNC_POINTS: usize = 4;
const VERSION: u32 = 0x13;
const TYPE_ARGON2ID: u32 = 2;
const TAG_LEN: usize = 32;
const ZERO: v128 = u64x2(0, 0);

type Block = [v128; VECS];

std::thread_local! {
    /// The last hash's memory, wiped. A worker's wasm memory never shrinks,
    /// so keeping it costs nothing, and the next hash of the same size need
    /// not fill it with zeros first (about 5 % of the time at 64 MiB).
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Why a hash could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("p and t must be at least 1, and m at least 8p KiB")]
    Params,
    #[error("the memory could not be allocated")]
    OutOfMemory,
}

/// Argon2id with a 32-byte tag: `m_kib` KiB of memory, `t` passes, `p` lanes
/// (computed one after the other), and optional secret and associated data.
pub fn hash(
    password: &[u8],
    salt: &[u8],
    secret: &[u8],
    ad: &[u8],
    m_kib: u32,
    t: u32,
    p: u32,
) -> Result<[u8; TAG_LEN], Error> {
    if p == 0 || t == 0 || u64::from(m_kib) < 8 * u64::from(p) {
        return Err(Error::Params);
    }
    let lanes = p as usize;
    let lane_len = m_kib as usize / (SYNC_POINTS * lanes) * SYNC_POINTS;
    let g = Geometry {
        lanes,
        lane_len,
        segment_len: lane_len / SYNC_POINTS,
        block_count: lane_len * lanes,
        passes: t as usize,
    };

    let mut h0 = Blake2b512::new();
    for n in [p, TAG_LEN as u32, m_kib, t, VERSION, TYPE_ARGON2ID] {
        h0.update(n.to_le_bytes());
    }
    for input in [password, salt, secret, ad] {
        h0.update(len32(input).to_le_bytes());
        h0.update(input);
    }
    let h0: Zeroizing<[u8; 64]> = Zeroizing::new(h0.finalize().into());

    let mut memory = MEMORY.take();
    memory.truncate(g.block_count);
    memory
        .try_reserve_exact(g.block_count - memory.len())
        .map_err(|_| Error::OutOfMemory)?;
    memory.resize(g.block_count, [ZERO; VECS]);

    let mut bytes = Zeroizing::new([0u8; WORDS * 8]);
    for lane in 0..lanes {
        for i in 0..2u32 {
            h_prime_block(
                &[&h0[..], &i.to_le_bytes(), &(lane as u32).to_le_bytes()],
                &mut bytes,
            );
            let block = &mut memory[lane * lane_len + i as usize];
            for (v, chunk) in block.iter_mut().zip(bytes.chunks_exact(16)) {
                let (lo, hi) = chunk.split_at(8);
                *v = u64x2(le64(lo), le64(hi));
            }
        }
    }

    let mut scratch = Scratch {
        state: [ZERO; VECS],
        mixed: [ZERO; VECS],
    };
    for pass in 0..g.passes {
        for slice in 0..SYNC_POINTS {
            for lane in 0..lanes {
                fill_segment(&mut memory, &g, &mut scratch, pass, slice, lane);
            }
        }
    }

    let mut last = memory[lane_len - 1];
    for lane in 1..lanes {
        for (v, w) in last.iter_mut().zip(&memory[lane * lane_len + lane_len - 1]) {
            *v = v128_xor(*v, *w);
        }
    }
    for (chunk, v) in bytes.chunks_exact_mut(16).zip(&last) {
        chunk[..8].copy_from_slice(&u64x2_extract_lane::<0>(*v).to_le_bytes());
        chunk[8..].copy_from_slice(&u64x2_extract_lane::<1>(*v).to_le_bytes());
    }
    let mut tag = Blake2b256::new();
    tag.update((TAG_LEN as u32).to_le_bytes());
    tag.update(&bytes[..]);

    // The memory (its last pass is as good as the passphrase for this
    // salt) is wiped; black_box keeps the stores that nothing reads after.
    wipe(&mut last);
    wipe(&mut scratch.state);
    wipe(&mut scratch.mixed);
    for block in memory.iter_mut() {
        wipe(block);
    }
    core::hint::black_box((&memory, &last, &scratch.state, &scratch.mixed));
    MEMORY.set(memory);
    Ok(tag.finalize().into())
}

fn wipe(block: &mut Block) {
    *block = [ZERO; VECS];
}

fn le64(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// Inputs are bounded by the callers (a passphrase, a 16-byte salt); a
/// longer one could not be hashed by any implementation anyway.
fn len32(input: &[u8]) -> u32 {
    u32::try_from(input.len()).unwrap_or(u32::MAX)
}

/// H' (RFC 9106 section 3.3) for a 1024-byte output: 31 chained BLAKE2b-512
/// hashes, of which all but the last give their first 32 bytes.
fn h_prime_block(inputs: &[&[u8]], out: &mut [u8; WORDS * 8]) {
    let mut hasher = Blake2b512::new();
    hasher.update((out.len() as u32).to_le_bytes());
    for input in inputs {
        hasher.update(input);
    }
    let mut v: [u8; 64] = hasher.finalize().into();
    let (mut done, last) = (0, out.len() - 64);
    while done < last {
        out[done..done + 32].copy_from_slice(&v[..32]);
        done += 32;
        v = Blake2b512::digest(v).into();
    }
    out[last..].copy_from_slice(&v);
    v.zeroize();
}

struct Geometry {
    lanes: usize,
    lane_len: usize,
    segment_len: usize,
    block_count: usize,
    passes: usize,
}

/// The compression function's working space, kept from block to block.
struct Scratch {
    /// R = X ^ Y.
    state: Block,
    /// R after the row rounds.
    mixed: Block,
}

/// RFC 9106 section 3.4: one segment (a slice of one lane).
fn fill_segment(
    memory: &mut [Block],
    g: &Geometry,
    s: &mut Scratch,
    pass: usize,
    slice: usize,
    lane: usize,
) {
    // The first half of the first pass takes its reference indices from a
    // pseudo-random stream that does not depend on the password.
    let independent = pass == 0 && slice < SYNC_POINTS / 2;
    let mut input = [ZERO; VECS];
    let mut addresses = [ZERO; VECS];
    input[..3].copy_from_slice(&[
        u64x2(pass as u64, lane as u64),
        u64x2(slice as u64, g.block_count as u64),
        u64x2(g.passes as u64, u64::from(TYPE_ARGON2ID)),
    ]);
    let mut counter = 0;
    let first = if pass == 0 && slice == 0 { 2 } else { 0 };
    if independent && first != 0 {
        next_addresses(&mut input, &mut counter, &mut addresses, s);
    }

    let lane_start = lane * g.lane_len;
    let segment_start = lane_start + slice * g.segment_len;
    for index in first..g.segment_len {
        let current = segment_start + index;
        // The first block of a lane follows the lane's last.
        let previous = if current == lane_start {
            lane_start + g.lane_len - 1
        } else {
            current - 1
        };
        let rand = if independent {
            if index % WORDS == 0 {
                next_addresses(&mut input, &mut counter, &mut addresses, s);
            }
            let pair = addresses[index % WORDS / 2];
            if index % 2 == 0 {
                u64x2_extract_lane::<0>(pair)
            } else {
                u64x2_extract_lane::<1>(pair)
            }
        } else {
            u64x2_extract_lane::<0>(memory[previous][0])
        };
        let reference = reference_index(g, pass, slice, lane, index, rand);
        rows(&memory[previous], &memory[reference], s);
        columns(s, &mut memory[current], pass != 0);
    }
}

/// The block that `index` (within its segment) mixes with its predecessor.
fn reference_index(
    g: &Geometry,
    pass: usize,
    slice: usize,
    lane: usize,
    index: usize,
    rand: u64,
) -> usize {
    let ref_lane = if pass == 0 && slice == 0 {
        lane
    } else {
        (rand >> 32) as usize % g.lanes
    };
    let same_lane = ref_lane == lane;
    // Blocks already computed that this one may reference: the finished
    // segments (all of the lane but this segment after the first pass),
    // plus, in its own lane, this segment's blocks before the previous one.
    let finished = if pass == 0 {
        slice * g.segment_len
    } else {
        g.lane_len - g.segment_len
    };
    let area = if same_lane {
        finished + index - 1
    } else {
        finished - usize::from(index == 0)
    };
    let x = rand & 0xffff_ffff;
    let y = (x * x) >> 32;
    let relative = area - 1 - ((area as u64 * y) >> 32) as usize;
    let start = if pass != 0 && slice != SYNC_POINTS - 1 {
        (slice + 1) * g.segment_len
    } else {
        0
    };
    ref_lane * g.lane_len + (start + relative) % g.lane_len
}

/// The next block of data-independent addresses: G(0, G(0, input)).
fn next_addresses(input: &mut Block, counter: &mut u64, addresses: &mut Block, s: &mut Scratch) {
    *counter += 1;
    input[3] = u64x2(*counter, 0);
    rows(&[ZERO; VECS], input, s);
    let mut once = [ZERO; VECS];
    columns(s, &mut once, false);
    rows(&[ZERO; VECS], &once, s);
    columns(s, addresses, false);
}

/// The first half of G(x, y): R = x ^ y, then P on each row of R (8
/// consecutive vectors), as the reference SSE code lays a block out.
///
/// The helpers below are all inlined and index with constants: the worker is
/// built for size (opt-level "z"), which neither unrolls loops nor inlines
/// `copy_from_slice`, and a call in here costs V8 spilling every register.
fn rows(x: &Block, y: &Block, s: &mut Scratch) {
    // All of y is loaded before any mixing: the reference block is usually
    // not in cache, and its 16 cache lines are then fetched in parallel
    // rather than one row (and one memory latency) at a time.
    for (r, (x, y)) in s.state.iter_mut().zip(x.iter().zip(y)) {
        *r = v128_xor(*x, *y);
    }
    for row in 0..8 {
        let b = 8 * row;
        let mut v = load8(&s.state, b, 1);
        round(&mut v);
        store8(&mut s.mixed, b, 1, v);
    }
}

/// The second half: P on each column (every 8th vector), then
/// `out = Z ^ R`, or `out ^= Z ^ R` after the first pass.
fn columns(s: &Scratch, out: &mut Block, accumulate: bool) {
    for c in 0..8 {
        let mut v = load8(&s.mixed, c, 8);
        round(&mut v);
        let r = load8(&s.state, c, 8);
        let mut z = [
            v128_xor(v[0], r[0]),
            v128_xor(v[1], r[1]),
            v128_xor(v[2], r[2]),
            v128_xor(v[3], r[3]),
            v128_xor(v[4], r[4]),
            v128_xor(v[5], r[5]),
            v128_xor(v[6], r[6]),
            v128_xor(v[7], r[7]),
        ];
        if accumulate {
            let o = load8(out, c, 8);
            z = [
                v128_xor(z[0], o[0]),
                v128_xor(z[1], o[1]),
                v128_xor(z[2], o[2]),
                v128_xor(z[3], o[3]),
                v128_xor(z[4], o[4]),
                v128_xor(z[5], o[5]),
                v128_xor(z[6], o[6]),
                v128_xor(z[7], o[7]),
            ];
        }
        store8(out, c, 8, z);
    }
}

/// The vectors `base + k * stride` for k in 0..8.
#[inline(always)]
fn load8(block: &Block, base: usize, stride: usize) -> [v128; 8] {
    [
        block[base],
        block[base + stride],
        block[base + 2 * stride],
        block[base + 3 * stride],
        block[base + 4 * stride],
        block[base + 5 * stride],
        block[base + 6 * stride],
        block[base + 7 * stride],
    ]
}

#[inline(always)]
fn store8(block: &mut Block, base: usize, stride: usize, v: [v128; 8]) {
    block[base] = v[0];
    block[base + stride] = v[1];
    block[base + 2 * stride] = v[2];
    block[base + 3 * stride] = v[3];
    block[base + 4 * stride] = v[4];
    block[base + 5 * stride] = v[5];
    block[base + 6 * stride] = v[6];
    block[base + 7 * stride] = v[7];
}

/// P on 16 words in 8 vectors: G on the four columns, then on the four
/// diagonals.
#[inline(always)]
fn round(v: &mut [v128; 8]) {
    g(v);
    // Diagonals: rotate the rows of b, c and d by one, two and three words.
    let [a0, a1, b0, b1, c0, c1, d0, d1] = *v;
    *v = [
        a0,
        a1,
        i64x2_shuffle::<1, 2>(b0, b1),
        i64x2_shuffle::<1, 2>(b1, b0),
        c1,
        c0,
        i64x2_shuffle::<1, 2>(d1, d0),
        i64x2_shuffle::<1, 2>(d0, d1),
    ];
    g(v);
    let [a0, a1, b0, b1, c0, c1, d0, d1] = *v;
    *v = [
        a0,
        a1,
        i64x2_shuffle::<1, 2>(b1, b0),
        i64x2_shuffle::<1, 2>(b0, b1),
        c1,
        c0,
        i64x2_shuffle::<1, 2>(d0, d1),
        i64x2_shuffle::<1, 2>(d1, d0),
    ];
}

/// BlaMka's G on four columns at once: `v` is [a, a', b, b', c, c', d, d'].
#[inline(always)]
fn g(v: &mut [v128; 8]) {
    let [
        mut a0,
        mut a1,
        mut b0,
        mut b1,
        mut c0,
        mut c1,
        mut d0,
        mut d1,
    ] = *v;
    (a0, a1) = fbla(a0, b0, a1, b1);
    (d0, d1) = (rotr32(v128_xor(d0, a0)), rotr32(v128_xor(d1, a1)));
    (c0, c1) = fbla(c0, d0, c1, d1);
    (b0, b1) = (rotr24(v128_xor(b0, c0)), rotr24(v128_xor(b1, c1)));
    (a0, a1) = fbla(a0, b0, a1, b1);
    (d0, d1) = (rotr16(v128_xor(d0, a0)), rotr16(v128_xor(d1, a1)));
    (c0, c1) = fbla(c0, d0, c1, d1);
    (b0, b1) = (rotr63(v128_xor(b0, c0)), rotr63(v128_xor(b1, c1)));
    *v = [a0, a1, b0, b1, c0, c1, d0, d1];
}

/// x + y + 2 * lo32(x) * lo32(y) for each 64-bit lane of x0, y0 and of x1, y1.
#[inline(always)]
fn fbla(x0: v128, y0: v128, x1: v128, y1: v128) -> (v128, v128) {
    // The four low halves of x0 and x1 in one vector, those of y0 and y1 in
    // another, and two widening multiplies. `opaque` keeps LLVM from seeing
    // that this is a multiply of masked 64-bit lanes, which it would emit as
    // i64x2.mul: V8 expands that to three multiplies and five other
    // instructions, where extmul takes one multiply and two unpacks.
    let x = opaque(i32x4_shuffle::<0, 2, 4, 6>(x0, x1));
    let y = opaque(i32x4_shuffle::<0, 2, 4, 6>(y0, y1));
    let (m0, m1) = (u64x2_extmul_low_u32x4(x, y), u64x2_extmul_high_u32x4(x, y));
    (
        i64x2_add(i64x2_add(x0, y0), i64x2_add(m0, m0)),
        i64x2_add(i64x2_add(x1, y1), i64x2_add(m1, m1)),
    )
}

/// The identity (the rounded average of a byte with itself), in one
/// instruction that LLVM does not look through.
#[inline(always)]
fn opaque(x: v128) -> v128 {
    u8x16_avgr(x, x)
}

#[inline(always)]
fn rotr32(x: v128) -> v128 {
    i32x4_shuffle::<1, 0, 3, 2>(x, x)
}

#[inline(always)]
fn rotr24(x: v128) -> v128 {
    i8x16_shuffle::<3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10>(x, x)
}

#[inline(always)]
fn rotr16(x: v128) -> v128 {
    i8x16_shuffle::<2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9>(x, x)
}

#[inline(always)]
fn rotr63(x: v128) -> v128 {
    v128_xor(u64x2_shr(x, 63), i64x2_add(x, x))
}
