//! The engine's learned half: a linear model per kind of danger and per phrasing reason,
//! scoring each sentence from its words, word pairs and concepts, negation marked. Where the
//! grammar names the shapes it knows, the model carries what the tuning corpus taught about
//! the many other ways people say the same thing. It is trained by
//! `cargo run -p mend-core --release --example train-language` from the tuning corpus alone
//! (`tests/data/language/tuning/`), deterministically, and its weights travel in the
//! content blob (`content/<language>/language-model.bin`).
//!
//! The file: `MLM1`, the number of hash bits (u8), the SHA-256 of what it was trained from
//! (32 bytes), the number of labels (u8), then for each label its key (u8 length, UTF-8), its
//! bias, weight scale and threshold (f32 each), the number of weights (u32) and each weight
//! as its feature's bucket (u32) and value (i8), buckets rising. Numbers little-endian.

use super::reading::Reading;
use super::stem::stem;

/// The most labels one model may hold.
const MAX_LABELS: usize = 64;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError;

/// One label's scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// What it answers: a danger kind's or a phrasing reason's key.
    pub key: String,
    /// The score before any feature.
    pub bias: f32,
    /// What one step of a stored weight is worth.
    pub scale: f32,
    /// The probability at or above which the label is raised.
    pub threshold: f32,
}

/// A trained model.
#[derive(Debug, Clone)]
pub struct Model {
    /// How many bits of a feature's hash name its bucket.
    pub bits: u8,
    /// The SHA-256 of the corpus and grammar it was trained from.
    pub source: [u8; 32],
    /// The labels, in file order.
    pub labels: Vec<Label>,
    /// Every weight, keyed by its bucket and its place among that bucket's weights, as the
    /// label (high byte) and the stored value (low byte); the same kind of table as the
    /// grammar's, so the phone library carries one.
    weights: super::FastMap<(u32, u32), u32>,
}

/// The tuning corpus and grammar file a model is trained from, relative to the core crate:
/// the model records their SHA-256, and a test checks it against the files as they are.
pub const SOURCES: [&str; 4] = [
    "tests/data/language/tuning/danger.tsv",
    "tests/data/language/tuning/ordinary.tsv",
    "tests/data/language/tuning/letter.tsv",
    "content/en/language.toml",
];

/// The SHA-256 of the sources' contents, each preceded by its length.
pub fn source_hash(contents: &[Vec<u8>]) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for c in contents {
        ctx.update(&(c.len() as u64).to_le_bytes());
        ctx.update(c);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

/// A stable 32-bit hash of a feature's parts (FNV-1a).
fn hash(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for part in parts {
        for &b in *part {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The features of one sentence (`first..end` of a reading), as hashed buckets, each once.
pub fn features(reading: &Reading, first: usize, end: usize, bits: u8) -> Vec<u32> {
    FeatureTable::new(reading, bits).window(first, end)
}

/// Each word's features, hashed once for a whole reading, so that windows of one or two
/// sentences are put together without stemming or hashing again.
pub struct FeatureTable {
    mask: u32,
    /// Each word's own features: the word, negated or quoted, and the concepts starting there.
    own: Vec<Vec<u32>>,
    /// Each word with the next (a pair) and with the one after (a skip pair).
    pairs: Vec<(u32, u32)>,
}

impl FeatureTable {
    /// Hashes every word's features.
    pub fn new(reading: &Reading, bits: u8) -> Self {
        let mask = if bits >= 32 { u32::MAX } else { (1u32 << bits) - 1 };
        let n = reading.tokens.len();
        let stems: Vec<String> = reading.tokens.iter().map(|t| stem(&t.word)).collect();
        let mut own = Vec::with_capacity(n);
        let mut pairs = Vec::with_capacity(n);
        for (i, s) in stems.iter().enumerate() {
            let negated = reading.negated_by[i].is_some();
            let mut f = vec![hash(&[b"w", s.as_bytes()]) & mask];
            if negated {
                f.push(hash(&[b"n", s.as_bytes()]) & mask);
            }
            if reading.tokens[i].quoted || reading.reported[i] {
                f.push(hash(&[b"q", s.as_bytes()]) & mask);
            }
            for c in reading.concepts_at(i) {
                let c = c.to_le_bytes();
                f.push(hash(&[b"c", &c]) & mask);
                if negated {
                    f.push(hash(&[b"nc", &c]) & mask);
                }
            }
            own.push(f);
            let pair = stems
                .get(i + 1)
                .map_or(0, |next| hash(&[b"b", s.as_bytes(), next.as_bytes()]) & mask);
            let skip = stems
                .get(i + 2)
                .map_or(0, |after| hash(&[b"s", s.as_bytes(), after.as_bytes()]) & mask);
            pairs.push((pair, skip));
        }
        FeatureTable { mask, own, pairs }
    }

    /// The features of words `first..end`, each once.
    pub fn window(&self, first: usize, end: usize) -> Vec<u32> {
        let mut out = Vec::with_capacity((end - first) * 4 + 1);
        out.push(hash(&[b"bias"]) & self.mask);
        for k in first..end {
            out.extend_from_slice(&self.own[k]);
            if k + 1 < end {
                out.push(self.pairs[k].0);
            }
            if k + 2 < end {
                out.push(self.pairs[k].1);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    /// Reads a model file.
    pub fn parse(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Bytes(bytes);
        if r.take(4)? != b"MLM1" {
            return Err(ModelError);
        }
        let bits = r.u8()?;
        if !(8..=32).contains(&bits) {
            return Err(ModelError);
        }
        let source: [u8; 32] = r.take(32)?.try_into().map_err(|_| ModelError)?;
        let count = usize::from(r.u8()?);
        if count > MAX_LABELS {
            return Err(ModelError);
        }
        let mut labels = Vec::with_capacity(count);
        let mut weights: super::FastMap<(u32, u32), u32> = super::FastMap::default();
        for index in 0..count {
            let len = usize::from(r.u8()?);
            let key = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError)?.to_owned();
            let (bias, scale, threshold) = (r.f32()?, r.f32()?, r.f32()?);
            if ![bias, scale, threshold].iter().all(|v| v.is_finite()) {
                return Err(ModelError);
            }
            let n = r.u32()? as usize;
            if n > r.0.len() / 5 {
                return Err(ModelError);
            }
            let mut last = None;
            for _ in 0..n {
                let bucket = r.u32()?;
                let value = r.u8()? as i8;
                if last.is_some_and(|l| l >= bucket) || (bits < 32 && bucket >> bits != 0) {
                    return Err(ModelError);
                }
                last = Some(bucket);
                let place = (0..).find(|k| !weights.contains_key(&(bucket, *k))).unwrap_or(0);
                weights.insert((bucket, place), (index as u32) << 8 | u32::from(value as u8));
            }
            labels.push(Label { key, bias, scale, threshold });
        }
        if !r.0.is_empty() {
            return Err(ModelError);
        }
        Ok(Model { bits, source, labels, weights })
    }

    /// Each label's probability for a sentence's features, in label order.
    pub fn scores(&self, features: &[u32]) -> Vec<f32> {
        let mut sums: Vec<f32> = self.labels.iter().map(|l| l.bias).collect();
        for &f in features {
            let mut place = 0;
            while let Some(&w) = self.weights.get(&(f, place)) {
                let l = (w >> 8) as usize;
                sums[l] += f32::from(w as u8 as i8) * self.labels[l].scale;
                place += 1;
            }
        }
        sums.into_iter().map(sigmoid).collect()
    }

    /// The labels raised for a sentence's features.
    pub fn raised(&self, features: &[u32]) -> Vec<&str> {
        self.scores(features)
            .into_iter()
            .zip(&self.labels)
            .filter(|(p, l)| *p >= l.threshold)
            .map(|(_, l)| l.key.as_str())
            .collect()
    }

    /// Writes a model file (the trainer's side of [`Model::parse`]).
    pub fn write(bits: u8, source: [u8; 32], labels: &[(Label, Vec<(u32, i8)>)]) -> Vec<u8> {
        let mut out = b"MLM1".to_vec();
        out.push(bits);
        out.extend_from_slice(&source);
        out.push(labels.len() as u8);
        for (label, weights) in labels {
            out.push(label.key.len() as u8);
            out.extend_from_slice(label.key.as_bytes());
            for v in [label.bias, label.scale, label.threshold] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
            for (bucket, value) in weights {
                out.extend_from_slice(&bucket.to_le_bytes());
                out.push(*value as u8);
            }
        }
        out
    }
}

/// A reader over a model file's bytes.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let (head, rest) = self.0.split_at_checked(n).ok_or(ModelError)?;
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| ModelError)?))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().map_err(|_| ModelError)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(key: &str) -> Label {
        Label { key: key.into(), bias: -1.0, scale: 0.1, threshold: 0.5 }
    }

    #[test]
    fn a_model_reads_back_what_was_written_and_scores_by_its_weights() {
        let bytes = Model::write(
            16,
            [7; 32],
            &[(label("a"), vec![(3, 40), (9, -40)]), (label("b"), vec![(3, -40)])],
        );
        let m = Model::parse(&bytes).unwrap();
        assert_eq!((m.bits, m.source, m.labels.len()), (16, [7; 32], 2));
        let s = m.scores(&[3]);
        assert!((s[0] - sigmoid(-1.0 + 4.0)).abs() < 1e-6);
        assert!((s[1] - sigmoid(-1.0 - 4.0)).abs() < 1e-6);
        assert_eq!(m.raised(&[3]), ["a"]);
        assert!(m.raised(&[3, 9]).is_empty());
    }

    #[test]
    fn a_damaged_model_file_is_refused() {
        let good = Model::write(16, [0; 32], &[(label("a"), vec![(3, 1), (4, 1)])]);
        assert!(Model::parse(&good).is_ok());
        for cut in 0..good.len() {
            assert!(Model::parse(&good[..cut]).is_err(), "cut at {cut}");
        }
        let unsorted = Model::write(16, [0; 32], &[(label("a"), vec![(4, 1), (3, 1)])]);
        assert!(Model::parse(&unsorted).is_err());
        let too_wide = Model::write(8, [0; 32], &[(label("a"), vec![(300, 1)])]);
        assert!(Model::parse(&too_wide).is_err());
        let mut trailing = good.clone();
        trailing.push(0);
        assert!(Model::parse(&trailing).is_err());
    }
}
