//! The sealed body of a backup: a stream of equal chunks, each sealed with AES-256-GCM
//! (STREAM construction).
//!
//! Chunk `i`'s nonce is the header's 7-byte prefix, `i` as a big-endian u32, and a last-chunk
//! byte (1 on the final chunk, else 0); its associated data is the header's hash. So a chunk
//! moved, dropped, repeated or taken from another backup fails its check, and a file cut at
//! a chunk boundary fails too: its final chunk was not sealed as the last. Every chunk holds
//! exactly the header's chunk size of plaintext; the stream is padded with zeros to a Padmé
//! bucket rounded up to whole chunks, so the file's length says little about the vault's.

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

use zeroize::Zeroizing;

use super::header::{Header, Keys};
use crate::crypto::cipher::{NONCE_LEN, TAG_LEN};
use crate::crypto::padding::padme;
use crate::crypto::{Algorithm, Cipher};
use crate::error::{Error, Result};
use crate::files::NewFile;

fn nonce(prefix: &[u8; 7], counter: u32, last: bool) -> [u8; NONCE_LEN] {
    let mut n = [0u8; NONCE_LEN];
    n[..7].copy_from_slice(prefix);
    n[7..11].copy_from_slice(&counter.to_be_bytes());
    n[11] = u8::from(last);
    n
}

/// Writes plaintext into sealed chunks of a new file.
pub struct ChunkWriter {
    out: NewFile,
    cipher: Cipher,
    prefix: [u8; 7],
    ad: [u8; 32],
    chunk: usize,
    counter: u32,
    buf: Zeroizing<Vec<u8>>,
    written: u64,
}

impl ChunkWriter {
    /// Writes `header` to `out` and starts the first chunk.
    pub fn new(mut out: NewFile, header: &Header, keys: &Keys) -> Result<Self> {
        out.write(&header.bytes)?;
        let chunk = header.chunk as usize;
        Ok(Self {
            out,
            cipher: Cipher::new(Algorithm::Aes256Gcm, &keys.chunks)?,
            prefix: header.nonce_prefix,
            ad: header.associated_data(),
            chunk,
            counter: 0,
            buf: Zeroizing::new(Vec::with_capacity(chunk + TAG_LEN)),
            written: 0,
        })
    }

    /// Appends plaintext.
    pub fn write(&mut self, mut data: &[u8]) -> Result<()> {
        self.written += data.len() as u64;
        while !data.is_empty() {
            // A full chunk is sealed only once more data comes: the final one is sealed as
            // the last by `finish`.
            if self.buf.len() == self.chunk {
                self.seal(false)?;
            }
            let take = (self.chunk - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
        Ok(())
    }

    fn seal(&mut self, last: bool) -> Result<()> {
        let nonce = nonce(&self.prefix, self.counter, last);
        self.cipher.seal(nonce, &self.ad, &mut self.buf)?;
        self.out.write(&self.buf)?;
        self.buf.clear();
        self.counter = self.counter.checked_add(1).ok_or(Error::Damaged("backup too large"))?;
        Ok(())
    }

    /// Pads the stream to its bucket, seals the last chunk, and hands back the file to commit.
    pub fn finish(mut self) -> Result<NewFile> {
        let chunk = self.chunk as u64;
        let bucket = padme(usize::try_from(self.written).map_err(|_| Error::Crypto)?) as u64;
        let padded = bucket.max(1).div_ceil(chunk) * chunk;
        let zeros = [0u8; 4096];
        let mut left = padded - self.written;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            self.write(&zeros[..n])?;
            left -= n as u64;
        }
        self.seal(true)?;
        Ok(self.out)
    }
}

/// A plaintext stream read in order: the opened chunks of a backup, or (for fuzzing the
/// record parser) plain bytes.
pub trait Plain {
    /// Fills `out` from the stream; [`Error::Damaged`] if it ends first.
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()>;
    /// Checks that the rest of the stream is zeros and that it ends where it should.
    fn finish(self) -> Result<()>;
}

const CUT: Error = Error::Damaged("the backup is cut short or has bytes added");

/// Opens the chunks of a backup one at a time, holding one chunk in memory.
pub struct ChunkReader<R> {
    input: R,
    cipher: Cipher,
    prefix: [u8; 7],
    ad: [u8; 32],
    chunk: usize,
    counter: u32,
    chunks: u64,
    opened: Rc<Cell<u64>>,
    buf: Zeroizing<Vec<u8>>,
    pos: usize,
}

impl<R: Read> ChunkReader<R> {
    /// Reads the chunks after the header from `input`, which holds `len` bytes after it.
    pub fn new(input: R, len: u64, header: &Header, keys: &Keys) -> Result<Self> {
        let sealed = u64::from(header.chunk) + TAG_LEN as u64;
        if len == 0 || len % sealed != 0 {
            return Err(CUT);
        }
        let chunk = header.chunk as usize;
        Ok(Self {
            input,
            cipher: Cipher::new(Algorithm::Aes256Gcm, &keys.chunks)?,
            prefix: header.nonce_prefix,
            ad: header.associated_data(),
            chunk,
            counter: 0,
            chunks: len / sealed,
            opened: Rc::default(),
            buf: Zeroizing::new(vec![0u8; chunk + TAG_LEN]),
            pos: chunk,
        })
    }

    /// How many chunks have been opened (as they are, shared) and how many there are.
    pub fn progress(&self) -> (Rc<Cell<u64>>, u64) {
        (self.opened.clone(), self.chunks)
    }

    /// Opens the next chunk into the buffer.
    fn next_chunk(&mut self) -> Result<()> {
        if u64::from(self.counter) >= self.chunks {
            return Err(CUT);
        }
        let last = u64::from(self.counter) + 1 == self.chunks;
        self.buf.resize(self.chunk + TAG_LEN, 0);
        self.input.read_exact(&mut self.buf).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => CUT,
            _ => Error::from(e),
        })?;
        let nonce = nonce(&self.prefix, self.counter, last);
        self.cipher
            .open(nonce, &self.ad, &mut self.buf)
            .map_err(|_| Error::Damaged("the backup was changed, reordered or cut short"))?;
        self.counter = self.counter.checked_add(1).ok_or(CUT)?;
        self.opened.set(u64::from(self.counter));
        self.pos = 0;
        Ok(())
    }
}

impl<R: Read> Plain for ChunkReader<R> {
    fn read_exact(&mut self, mut out: &mut [u8]) -> Result<()> {
        while !out.is_empty() {
            if self.pos == self.chunk {
                self.next_chunk()?;
            }
            let take = (self.chunk - self.pos).min(out.len());
            out[..take].copy_from_slice(&self.buf[self.pos..self.pos + take]);
            self.pos += take;
            out = &mut out[take..];
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        loop {
            if self.buf[self.pos..self.chunk].iter().any(|&b| b != 0) {
                return Err(Error::Damaged("the backup's padding is not zeros"));
            }
            if u64::from(self.counter) == self.chunks {
                return Ok(());
            }
            self.next_chunk()?;
        }
    }
}

/// Plain bytes as a stream (the record parser's fuzz target reads through this).
pub struct PlainBytes<'a>(pub &'a [u8]);

impl Plain for PlainBytes<'_> {
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()> {
        if self.0.len() < out.len() {
            return Err(CUT);
        }
        let (head, tail) = self.0.split_at(out.len());
        out.copy_from_slice(head);
        self.0 = tail;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if self.0.iter().all(|&b| b == 0) { Ok(()) } else { Err(CUT) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::header;
    use crate::crypto::KdfParams;

    const SMALL: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

    fn sealed(data: &[u8]) -> (Vec<u8>, Header, Keys) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b");
        let (header, keys) = Header::new(SMALL, b"phrase").unwrap();
        let mut w = ChunkWriter::new(NewFile::create(&path).unwrap(), &header, &keys).unwrap();
        w.write(data).unwrap();
        w.finish().unwrap().commit().unwrap();
        (std::fs::read(&path).unwrap(), header, keys)
    }

    fn read_back(file: &[u8], header: &Header, keys: &Keys, n: usize) -> Result<Vec<u8>> {
        let body = &file[header::LEN..];
        let mut r = ChunkReader::new(body, body.len() as u64, header, keys)?;
        let mut out = vec![0u8; n];
        r.read_exact(&mut out)?;
        r.finish()?;
        Ok(out)
    }

    #[test]
    fn chunks_round_trip_padded_to_whole_chunks() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8 + 1).collect();
        let (file, header, keys) = sealed(&data);
        let sealed_chunk = header::CHUNK as usize + TAG_LEN;
        assert_eq!((file.len() - header::LEN) % sealed_chunk, 0);
        assert_eq!(read_back(&file, &header, &keys, data.len()).unwrap(), data);
        let (small, ..) = sealed(b"x");
        assert_eq!(small.len(), header::LEN + sealed_chunk);
    }

    #[test]
    fn cut_reordered_flipped_or_extended_streams_fail() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 7) as u8 + 1).collect();
        let (file, header, keys) = sealed(&data);
        let c = header::CHUNK as usize + TAG_LEN;
        let h = header::LEN;
        let cut = file[..file.len() - c].to_vec();
        let mut swapped = file.clone();
        let (a, b) = (file[h..h + c].to_vec(), file[h + c..h + 2 * c].to_vec());
        swapped[h..h + c].copy_from_slice(&b);
        swapped[h + c..h + 2 * c].copy_from_slice(&a);
        let mut flipped = file.clone();
        flipped[h + c + 5] ^= 1;
        let mut longer = file.clone();
        longer.extend_from_slice(&file[h..h + c]);
        for bad in [cut, swapped, flipped, longer, file[..file.len() - 1].to_vec()] {
            let err = read_back(&bad, &header, &keys, data.len().min(bad.len())).unwrap_err();
            assert!(matches!(err, Error::Damaged(_)), "{err:?}");
        }
    }
}
