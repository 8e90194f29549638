//! AWS KMS as the key provider: `GenerateDataKey` (AES-256) and `Decrypt`,
//! both with the encryption context `{"sdo:secret": id}` (a request's:
//! `{"sdo:request": rid}`), so a sealed record
//! moved to another id cannot be opened, and CloudTrail shows which secret
//! each data key belongs to.

use async_trait::async_trait;
use aws_sdk_kms::Client;
use aws_sdk_kms::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_kms::primitives::Blob;
use aws_sdk_kms::types::DataKeySpec;
use zeroize::Zeroizing;

use super::{KeyError, KeyProvider, NewDataKey, Subject};
use crate::seal::DataKey;

#[derive(Debug, Clone)]
pub struct KmsKeyProvider {
    client: Client,
    key_id: String,
}

impl KmsKeyProvider {
    /// `key_id` is a key id, ARN, or `alias/...`. The client is built once
    /// per process, so a warm Lambda reuses its connections.
    pub fn new(client: Client, key_id: impl Into<String>) -> Self {
        Self {
            client,
            key_id: key_id.into(),
        }
    }
}

/// Throttling and outages are worth a retry later (503); anything else
/// (a wrong context, a disabled or deleted key, no permission) is not.
fn classify<E: ProvideErrorMetadata + std::fmt::Debug, R: std::fmt::Debug>(
    e: SdkError<E, R>,
) -> KeyError {
    match &e {
        SdkError::ServiceError(se) => {
            let code = se.err().code().unwrap_or("unknown");
            let message = format!("KMS {code}");
            match code {
                "ThrottlingException"
                | "LimitExceededException"
                | "KMSInternalException"
                | "DependencyTimeoutException"
                | "KeyUnavailableException"
                | "InternalFailureException"
                | "ServiceUnavailableException" => KeyError::Unavailable(message),
                _ => KeyError::Refused(message),
            }
        }
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            KeyError::Unavailable(format!("KMS unreachable: {}", error_kind(&e)))
        }
        _ => KeyError::Unavailable(format!("KMS call failed: {}", error_kind(&e))),
    }
}

/// The SDK's `Display` is generic on purpose; the kind is what an operator
/// needs, and it carries no key material.
fn error_kind<E, R>(e: &SdkError<E, R>) -> &'static str {
    match e {
        SdkError::ConstructionFailure(_) => "request construction failed",
        SdkError::TimeoutError(_) => "timeout",
        SdkError::DispatchFailure(_) => "connection failed",
        SdkError::ResponseError(_) => "bad response",
        SdkError::ServiceError(_) => "service error",
        _ => "other",
    }
}

/// The plaintext key out of a KMS answer, wiped once copied.
fn data_key(plaintext: Option<Blob>) -> Result<DataKey, KeyError> {
    let plaintext = Zeroizing::new(
        plaintext
            .map(Blob::into_inner)
            .ok_or_else(|| KeyError::Refused("KMS returned no plaintext key".into()))?,
    );
    DataKey::from_slice(&plaintext)
        .ok_or_else(|| KeyError::Refused("KMS returned a key that is not 32 bytes".into()))
}

#[async_trait]
impl KeyProvider for KmsKeyProvider {
    async fn generate_data_key(&self, subject: Subject) -> Result<NewDataKey, KeyError> {
        let mut out = self
            .client
            .generate_data_key()
            .key_id(&self.key_id)
            .key_spec(DataKeySpec::Aes256)
            .encryption_context(subject.context_key(), subject.id().to_string())
            .send()
            .await
            .map_err(classify)?;
        let key = data_key(out.plaintext.take())?;
        let wrapped = out
            .ciphertext_blob
            .take()
            .map(Blob::into_inner)
            .ok_or_else(|| KeyError::Refused("KMS returned no wrapped key".into()))?;
        // The key's ARN, so a record names the key that wrapped it even when
        // the server was configured with an alias.
        let key_ref = out.key_id.take().unwrap_or_else(|| self.key_id.clone());
        Ok(NewDataKey {
            key,
            wrapped,
            key_ref,
        })
    }

    async fn unwrap(
        &self,
        wrapped: &[u8],
        key_ref: &str,
        subject: Subject,
    ) -> Result<DataKey, KeyError> {
        let mut out = self
            .client
            .decrypt()
            .key_id(key_ref)
            .ciphertext_blob(Blob::new(wrapped))
            .encryption_context(subject.context_key(), subject.id().to_string())
            .send()
            .await
            .map_err(classify)?;
        data_key(out.plaintext.take())
    }
}
