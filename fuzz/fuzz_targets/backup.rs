//! Fuzzes `mend_core::fuzzing::backup`; the same entry point runs under proptest in
//! core/tests/hostile_input.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mend_core::fuzzing::backup(data));
