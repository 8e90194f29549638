//! Revealing a secret: prove the link (and the passphrase), open the
//! sealed blob, then take one view with a conditional write, so that a
//! failing key service or a lost race consumes nothing (docs/PROTOCOL.md).

use sdo_shared::api::RevealResponse;
use sdo_shared::secret::SecretId;

use super::{Deadline, MAX_CONFLICTS, Service, ServiceError, Token};
use crate::keys::Subject;
use crate::metrics::Event;
use crate::seal;
use crate::store::{Failure, Outcome, Record};

impl Service {
    pub async fn reveal(
        &self,
        id: &SecretId,
        link_token: &Token,
        reveal_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<RevealResponse, ServiceError> {
        let result = self.take(id, link_token, reveal_token, deadline).await;
        self.count_unknown(result)
    }

    async fn take(
        &self,
        id: &SecretId,
        link_token: &Token,
        reveal_token: &Token,
        deadline: Option<Deadline>,
    ) -> Result<RevealResponse, ServiceError> {
        let mut opened: Option<Vec<u8>> = None;
        for _ in 0..MAX_CONFLICTS {
            let record = self.open_with_link(id, link_token).await?;
            let now = self.clock.now();
            let proves_passphrase = record
                .reveal_verifier
                .is_some_and(|v| v.matches(reveal_token.expose()));
            if !proves_passphrase {
                let op = self.start_write(deadline)?;
                match self
                    .store
                    .record_failure(
                        id,
                        record.failed_attempts,
                        self.limits.max_attempts,
                        now,
                        &op,
                    )
                    .await?
                {
                    Outcome::Done(Failure::Counted { failed_attempts }) => {
                        self.metrics.record(Event::WrongPassphrase);
                        return Err(ServiceError::WrongPassphrase {
                            attempts_left: self.limits.max_attempts.saturating_sub(failed_attempts),
                        });
                    }
                    Outcome::Done(Failure::Locked) => {
                        self.metrics.record(Event::WrongPassphrase);
                        self.metrics.record(Event::Locked);
                        tracing::info!("secret locked after too many wrong passphrases");
                        return Err(ServiceError::WrongPassphrase { attempts_left: 0 });
                    }
                    Outcome::Conflict => continue,
                }
            }
            if opened.is_none() {
                opened = Some(self.unseal(&record).await?);
            }
            // The key service may have taken seconds: the view is taken
            // only if the secret is still live now.
            let now = self.clock.now();
            let op = self.start_write(deadline)?;
            match self
                .store
                .take_view(id, record.views_left, now, &op)
                .await?
            {
                Outcome::Done(views_left) => {
                    self.metrics.record(Event::Revealed);
                    return Ok(RevealResponse {
                        blob: opened.take().unwrap_or_default().into(),
                        views_left,
                    });
                }
                Outcome::Conflict => continue,
            }
        }
        Err(ServiceError::Unavailable(
            "too much contention on one secret".into(),
        ))
    }

    async fn unseal(&self, record: &Record) -> Result<Vec<u8>, ServiceError> {
        let p = record
            .payload
            .as_ref()
            .ok_or_else(|| ServiceError::Internal("waiting record without payload".into()))?;
        let data_key = self
            .keys
            .unwrap(&p.wrapped_key, &p.key_ref, Subject::Secret(record.id))
            .await?;
        seal::open(&data_key, &p.nonce, &p.sealed, &record.id)
            .map_err(|e| ServiceError::Internal(format!("stored record: {e}")))
    }
}
