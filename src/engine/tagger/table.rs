//! The model's byte layout, written by the trainer and read in place at run time.
//!
//! Little-endian, u32 fields but for the entries' u16:
//! - header, 8 words: magic `WSPOS\x04\0\0` (2 words), feature slots, dictionary slots,
//!   entry half-words, 3 reserved;
//! - the codebook: [`LEVELS`] i32 weights in fixed point, indexed by an entry's code;
//! - feature slots: (fingerprint, offset) pairs, offset `u32::MAX` when empty;
//! - lexicon slots: (fingerprint, entry) pairs ([`super::features::lex`]), entry `u32::MAX`
//!   when empty;
//! - entries, u16: at each feature's offset (in u16 units), a count and then that many
//!   `code << 6 | class`, the weight being `codebook[code]`, class `k` of pass 2 stored as
//!   `17 + k`. A codebook of quantiles keeps small weights as precise as large ones in 10 bits.
//!
//! Both tables are open-addressing with linear probing over a power-of-two number of slots:
//! the slot is the key's low bits, the fingerprint its high 32 bits. Two keys that share a
//! probe chain and a fingerprint cannot both be stored; the writer drops the later one.

use super::features::{fmix, NO_LEX};
use super::N_TAGS;

const MAGIC: &[u8; 8] = b"WSPOS\x04\0\0";

/// A row's classes: the 17 tags of pass 1, then the 17 of pass 2.
pub const ROW: usize = 2 * N_TAGS;

/// Scores of a row's classes, padded to 64 so a 6-bit class needs no bounds check.
pub type Scores = [i32; 64];

/// The most features one call scores; more are ignored.
pub const MAX_KEYS: usize = 64;
const HEADER: usize = 32;
const EMPTY: u32 = u32::MAX;

pub struct Table<'a> {
    /// Decoded once (4 KB), so adding a weight is one L1 load.
    codebook: Box<[i32; LEVELS]>,
    slots: &'a [u8],
    dict: &'a [u8],
    entries: &'a [u8],
    mask: usize,
    dict_mask: usize,
}

/// One u32 at word index `i`: a single bounds check and load, whatever the alignment.
#[inline(always)]
fn word(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

#[inline(always)]
fn half(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes(b[2 * i..2 * i + 2].try_into().expect("2 bytes"))
}

/// Codebook size: the 10 bits above an entry's class.
pub const LEVELS: usize = 1024;

fn dict_key(form: u64) -> u64 {
    fmix(form ^ 0x6469_6374_6469_6374)
}

impl<'a> Table<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Table<'a>, &'static str> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err("not a whosaid tagger model");
        }
        let (n, d, e) = (
            word(bytes, 2) as usize,
            word(bytes, 3) as usize,
            word(bytes, 4) as usize,
        );
        if !n.is_power_of_two() || !d.is_power_of_two() {
            return Err("table sizes must be powers of two");
        }
        let c_end = HEADER + 4 * LEVELS;
        let (s_end, d_end) = (c_end + 8 * n, c_end + 8 * n + 8 * d);
        if bytes.len() < c_end || bytes.len() != d_end + 2 * e {
            return Err("truncated tagger model");
        }
        let mut codebook = Box::new([0i32; LEVELS]);
        for (j, c) in codebook.iter_mut().enumerate() {
            *c = word(&bytes[HEADER..c_end], j) as i32;
        }
        Ok(Table {
            codebook,
            slots: &bytes[c_end..s_end],
            dict: &bytes[s_end..d_end],
            entries: &bytes[d_end..],
            mask: n - 1,
            dict_mask: d - 1,
        })
    }

    /// Adds the weights of the features `keys` to `scores`; unknown features add nothing.
    ///
    /// In phases, so the cache misses overlap instead of queueing behind unpredictable
    /// branches: load every key's home slot, then resolve probes into row offsets, then load
    /// the rows' counts, then add.
    #[inline]
    pub fn add_weights(&self, keys: &[u64], scores: &mut Scores) {
        let keys = &keys[..keys.len().min(MAX_KEYS)];
        let mut home = [(0u32, 0u32); MAX_KEYS];
        for (h, &k) in home.iter_mut().zip(keys) {
            let i = k as usize & self.mask;
            *h = (word(self.slots, 2 * i), word(self.slots, 2 * i + 1));
        }
        let mut offs = [0u32; MAX_KEYS];
        let mut n = 0;
        for (&(fp0, off0), &k) in home.iter().zip(keys) {
            let fp = (k >> 32) as u32;
            let (mut f, mut off, mut i) = (fp0, off0, k as usize & self.mask);
            while off != EMPTY && f != fp {
                i = (i + 1) & self.mask;
                (f, off) = (word(self.slots, 2 * i), word(self.slots, 2 * i + 1));
            }
            if off != EMPTY {
                offs[n] = off;
                n += 1;
            }
        }
        let mut counts = [0u16; MAX_KEYS];
        for (c, &off) in counts.iter_mut().zip(&offs[..n]) {
            *c = half(self.entries, off as usize);
        }
        for (&c, &off) in counts.iter().zip(&offs[..n]) {
            let row = &self.entries[2 * (off as usize + 1)..][..2 * c as usize];
            for e in row.chunks_exact(2) {
                let e = u16::from_le_bytes(e.try_into().expect("2 bytes"));
                scores[(e & 0x3f) as usize] += self.codebook[(e >> 6) as usize];
            }
        }
    }

    /// The lexicon entry for a surface form hash ([`super::features::Word::form`]),
    /// [`NO_LEX`] for a word training never saw.
    #[inline]
    pub fn lex(&self, form: u64) -> u32 {
        let key = dict_key(form);
        let fp = (key >> 32) as u32;
        let mut i = key as usize & self.dict_mask;
        loop {
            let e = word(self.dict, 2 * i + 1);
            if e == EMPTY {
                return NO_LEX;
            }
            if word(self.dict, 2 * i) == fp {
                return e;
            }
            i = (i + 1) & self.dict_mask;
        }
    }
}

/// Slots for `n` keys: a power of two, at most three quarters full.
fn slots_for(n: usize) -> usize {
    (n * 4 / 3 + 1).next_power_of_two().max(2)
}

/// Places `keys` in a probe table; returns each key's slot, `None` for a dropped duplicate.
fn place(keys: &[u64], n: usize) -> (Vec<u32>, Vec<Option<usize>>) {
    let mut fps = vec![EMPTY; n];
    let mut used = vec![false; n];
    let places = keys
        .iter()
        .map(|&k| {
            let fp = (k >> 32) as u32;
            let mut i = k as usize & (n - 1);
            while used[i] {
                if fps[i] == fp {
                    return None;
                }
                i = (i + 1) & (n - 1);
            }
            used[i] = true;
            fps[i] = fp;
            Some(i)
        })
        .collect();
    (fps, places)
}

/// Serialises the codebook, features (key, sparse (class, code < [`LEVELS`]) row) and lexicon entries (surface
/// form hash, entry). Input order decides which of two clashing keys survives, so pass them
/// sorted for a reproducible file. Returns the bytes and the number of dropped keys.
pub fn write(
    codebook: &[i32; LEVELS],
    features: &[(u64, Vec<(u8, u16)>)],
    dict: &[(u64, u32)],
) -> (Vec<u8>, usize) {
    let n = slots_for(features.len());
    let d = slots_for(dict.len());
    let keys: Vec<u64> = features.iter().map(|f| f.0).collect();
    let (fps, places) = place(&keys, n);
    let mut slots = vec![(EMPTY, EMPTY); n];
    let mut entries: Vec<u16> = Vec::new();
    let mut dropped = 0;
    for ((_, row), p) in features.iter().zip(&places) {
        let Some(i) = *p else {
            dropped += 1;
            continue;
        };
        slots[i] = (fps[i], entries.len() as u32);
        entries.push(row.len() as u16);
        entries.extend(
            row.iter()
                .map(|&(c, code)| (code.min(LEVELS as u16 - 1) << 6) | c as u16),
        );
    }
    let dkeys: Vec<u64> = dict.iter().map(|e| dict_key(e.0)).collect();
    let (dfps, dplaces) = place(&dkeys, d);
    let mut dslots = vec![(EMPTY, EMPTY); d];
    for ((_, e), p) in dict.iter().zip(&dplaces) {
        match *p {
            Some(i) => dslots[i] = (dfps[i], *e),
            None => dropped += 1,
        }
    }
    let mut out = Vec::with_capacity(HEADER + 4 * LEVELS + 8 * (n + d) + 2 * entries.len());
    out.extend_from_slice(MAGIC);
    for v in [n as u32, d as u32, entries.len() as u32, 0, 0, 0] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for v in codebook {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (a, b) in slots.into_iter().chain(dslots) {
        out.extend_from_slice(&a.to_le_bytes());
        out.extend_from_slice(&b.to_le_bytes());
    }
    for e in entries {
        out.extend_from_slice(&e.to_le_bytes());
    }
    (out, dropped)
}
