//! A small, strict binary encoding for sealed metadata and bodies.
//!
//! Hand-written rather than a general format: the fields are few, parsing must reject any
//! malformed input without panicking, and unlock decodes thousands of these.

use crate::error::{Error, Result};

const BAD: Error = Error::Damaged("bad record encoding");

/// Appends fields to a byte buffer.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.buf.push(v);
        self
    }
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn bytes(&mut self, v: &[u8]) -> &mut Self {
        // Inputs are validated far below 4 GiB before they are encoded.
        self.u32(v.len() as u32);
        self.buf.extend_from_slice(v);
        self
    }
    pub fn str(&mut self, v: &str) -> &mut Self {
        self.bytes(v.as_bytes())
    }
    pub fn finish(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads fields back, failing on any shortfall, bad UTF-8 or trailing bytes.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { rest: data }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.rest.len() < n {
            return Err(BAD);
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }
    pub fn i64(&mut self) -> Result<i64> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(i64::from_le_bytes(b))
    }
    pub fn bytes(&mut self) -> Result<&'a [u8]> {
        let len = usize::try_from(self.u32()?).map_err(|_| BAD)?;
        self.take(len)
    }
    pub fn str(&mut self) -> Result<&'a str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| BAD)
    }
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }
    pub fn finish(self) -> Result<()> {
        if self.rest.is_empty() { Ok(()) } else { Err(BAD) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip_and_malformed_input_is_refused() {
        let mut w = Writer::new();
        w.u8(7).u32(9).i64(-3).str("héllo").bytes(&[1, 2]);
        let data = w.finish();
        let mut r = Reader::new(&data);
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.u32().unwrap(), 9);
        assert_eq!(r.i64().unwrap(), -3);
        assert_eq!(r.str().unwrap(), "héllo");
        assert_eq!(r.bytes().unwrap(), &[1, 2]);
        r.finish().unwrap();

        for cut in 0..data.len() {
            let mut r = Reader::new(&data[..cut]);
            let ok = r.u8().and(r.u32()).and(r.i64()).and(r.str().map(|_| 0)).is_ok()
                && r.bytes().is_ok();
            assert!(!ok, "a cut at {cut} was accepted");
        }
        let mut trailing = data.clone();
        trailing.push(0);
        let mut r = Reader::new(&trailing);
        let _ = (r.u8(), r.u32(), r.i64(), r.str().map(|_| ()), r.bytes().map(|_| ()));
        assert!(r.finish().is_err());
        let mut r = Reader::new(&[2, 0, 0, 0, 0xff, 0xfe]);
        assert!(r.str().is_err());
    }
}
