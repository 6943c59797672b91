//! The platform key store as a foreign trait: implemented in Kotlin with Android Keystore,
//! in Swift with the Secure Enclave or Keychain, and here by a key file for desktops.

use std::sync::Arc;

use crate::error::DeviceKeyError;

/// Wraps and unwraps small secrets with a key that never leaves this device.
///
/// Phones implement it with their hardware keystore; [`FileDeviceKeyStore`] is the desktop
/// fallback. `destroy_key` is called by erase: afterwards nothing wrapped before can be unwrapped.
#[uniffi::export(with_foreign)]
pub trait DeviceKeyStore: Send + Sync {
    /// Wraps `plain` with the device key, creating the key on first use.
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Unwraps what `wrap` returned.
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError>;
    /// Destroys the device key for good.
    fn destroy_key(&self) -> Result<(), DeviceKeyError>;
}

/// A device key kept in a file readable only by its owner (mode 0600). Weaker than a phone's
/// keystore: whoever copies the file along with the vault can attack the passcode offline.
#[derive(uniffi::Object)]
pub struct FileDeviceKeyStore {
    inner: mend_core::FileKeyStore,
}

#[uniffi::export]
impl FileDeviceKeyStore {
    /// A key store whose key file is at `path` (created on first use).
    #[uniffi::constructor]
    pub fn new(path: String) -> Arc<Self> {
        Arc::new(Self { inner: mend_core::FileKeyStore::new(path) })
    }
}

#[uniffi::export]
impl DeviceKeyStore for FileDeviceKeyStore {
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        Ok(mend_core::DeviceKeyStore::wrap(&self.inner, plain)?)
    }
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, DeviceKeyError> {
        Ok(mend_core::DeviceKeyStore::unwrap(&self.inner, wrapped)?)
    }
    fn destroy_key(&self) -> Result<(), DeviceKeyError> {
        Ok(mend_core::DeviceKeyStore::destroy_key(&self.inner)?)
    }
}

/// Lets the core use a key store implemented on the other side of the FFI.
pub(crate) struct ForeignKeyStore(pub Arc<dyn DeviceKeyStore>);

impl mend_core::DeviceKeyStore for ForeignKeyStore {
    fn wrap(&self, plain: Vec<u8>) -> Result<Vec<u8>, mend_core::DeviceKeyError> {
        Ok(self.0.wrap(plain)?)
    }
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, mend_core::DeviceKeyError> {
        Ok(self.0.unwrap(wrapped)?)
    }
    fn destroy_key(&self) -> Result<(), mend_core::DeviceKeyError> {
        Ok(self.0.destroy_key()?)
    }
}
