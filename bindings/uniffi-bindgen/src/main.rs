//! Runs UniFFI's binding generator. A separate crate keeps the generator's build cost out of
//! the library itself.

fn main() {
    uniffi::uniffi_bindgen_main()
}
