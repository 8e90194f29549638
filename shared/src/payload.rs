//! The plaintext inside a blob, and its padding.
//!
//! ```text
//! payload = kind (0 text, 1 file) || u16be name_len || name
//!        || u16be mime_len || mime || u32be data_len || data
//! padded  = payload || zeros, to the next multiple of 256 (at least 256)
//! ```
//! Padding hides the exact length from the server: it learns a size class.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub const KIND_TEXT: u8 = 0;
pub const KIND_FILE: u8 = 1;
pub const PAD_BLOCK: usize = 256;
/// Largest padded payload a client will make (a DynamoDB item holds 400 KB).
pub const MAX_PADDED_LEN: usize = 256 * 1024;
const HEADER_LEN: usize = 1 + 2 + 2 + 4;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    #[error("unknown payload kind {0}")]
    UnknownKind(u8),
    #[error("padded payload length {0} is not a non-zero multiple of 256")]
    BadPaddedLength(usize),
    #[error("the payload's {0} runs past its end")]
    Overrun(&'static str),
    #[error("the padding is not all zeros")]
    NonZeroPadding,
    #[error("the payload is padded past the next multiple of 256")]
    ExcessPadding,
    #[error("the file {0} is not valid UTF-8")]
    InvalidUtf8(&'static str),
    #[error("a text payload carries a file name or type")]
    TextWithMetadata,
    #[error("a text payload is not valid UTF-8")]
    TextNotUtf8,
    #[error("the {0} is longer than 65535 bytes")]
    FieldTooLong(&'static str),
    #[error("the secret is {len} bytes padded; the limit is {max}")]
    TooLarge { len: usize, max: usize },
}

/// What the secret is: text, or a file with its name and media type.
/// The name and type are inside the envelope like the data: `Debug` shows
/// only their lengths.
#[derive(Clone, PartialEq, Eq, Zeroize)]
pub enum Kind {
    Text,
    File { name: String, mime: String },
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Text => f.write_str("Text"),
            Kind::File { name, mime } => f
                .debug_struct("File")
                .field("name", &format_args!("<{} bytes>", name.len()))
                .field("mime", &format_args!("<{} bytes>", mime.len()))
                .finish(),
        }
    }
}

/// A secret's plaintext. Wiped on drop; `Debug` shows the kind and size only.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Payload {
    kind: Kind,
    data: Vec<u8>,
}

impl std::fmt::Debug for Payload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Payload")
            .field("kind", &self.kind)
            .field("data", &format_args!("<{} bytes>", self.data.len()))
            .finish()
    }
}

impl Payload {
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            kind: Kind::Text,
            data: text.into().into_bytes(),
        }
    }

    pub fn file(name: impl Into<String>, mime: impl Into<String>, data: Vec<u8>) -> Self {
        Self {
            kind: Kind::File {
                name: name.into(),
                mime: mime.into(),
            },
            data,
        }
    }

    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The text of a text payload; `None` for a file. (Text is always UTF-8:
    /// [`Payload::text`] takes a `String` and the decoder refuses anything else.)
    pub fn as_text(&self) -> Option<&str> {
        match self.kind {
            Kind::Text => std::str::from_utf8(&self.data).ok(),
            Kind::File { .. } => None,
        }
    }

    /// Length of the padded encoding, without making it.
    pub fn padded_len(&self) -> usize {
        let (name, mime) = self.name_mime();
        padded_len(HEADER_LEN + name.len() + mime.len() + self.data.len())
    }

    fn name_mime(&self) -> (&str, &str) {
        match &self.kind {
            Kind::Text => ("", ""),
            Kind::File { name, mime } => (name, mime),
        }
    }

    /// The padded encoding, refused above [`MAX_PADDED_LEN`].
    pub fn encode_padded(&self) -> Result<Zeroizing<Vec<u8>>, PayloadError> {
        let (name, mime) = self.name_mime();
        let name_len = u16::try_from(name.len()).map_err(|_| PayloadError::FieldTooLong("name"))?;
        let mime_len = u16::try_from(mime.len()).map_err(|_| PayloadError::FieldTooLong("mime"))?;
        let len = self.padded_len();
        if len > MAX_PADDED_LEN {
            return Err(PayloadError::TooLarge {
                len,
                max: MAX_PADDED_LEN,
            });
        }
        // Bounded by MAX_PADDED_LEN above, so the data length fits in u32.
        let data_len = self.data.len() as u32;
        let mut out = Zeroizing::new(Vec::with_capacity(len));
        out.push(match self.kind {
            Kind::Text => KIND_TEXT,
            Kind::File { .. } => KIND_FILE,
        });
        out.extend_from_slice(&name_len.to_be_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&mime_len.to_be_bytes());
        out.extend_from_slice(mime.as_bytes());
        out.extend_from_slice(&data_len.to_be_bytes());
        out.extend_from_slice(&self.data);
        out.resize(len, 0);
        Ok(out)
    }

    /// Strict inverse of [`Payload::encode_padded`].
    pub fn decode_padded(padded: &[u8]) -> Result<Self, PayloadError> {
        if padded.is_empty() || !padded.len().is_multiple_of(PAD_BLOCK) {
            return Err(PayloadError::BadPaddedLength(padded.len()));
        }
        if padded.len() > MAX_PADDED_LEN {
            return Err(PayloadError::TooLarge {
                len: padded.len(),
                max: MAX_PADDED_LEN,
            });
        }
        let mut r = Reader(padded);
        let kind = r.take(1, "kind")?[0];
        let name = r.take_u16_field("name")?;
        let mime = r.take_u16_field("mime")?;
        let data_len = u32::from_be_bytes(r.array("data length")?) as usize;
        let data = r.take(data_len, "data")?;
        if r.0.iter().any(|&b| b != 0) {
            return Err(PayloadError::NonZeroPadding);
        }
        // Zero blocks beyond the last would decode too, giving one payload
        // many encodings (and a sender a size class of its choosing).
        if padded_len(padded.len() - r.0.len()) != padded.len() {
            return Err(PayloadError::ExcessPadding);
        }
        let kind = match kind {
            // A recipient prints text as it is; bytes that are not UTF-8
            // would show up as replacement characters or not at all, so a
            // sender that means bytes must send a file.
            KIND_TEXT if !(name.is_empty() && mime.is_empty()) => {
                return Err(PayloadError::TextWithMetadata);
            }
            KIND_TEXT if std::str::from_utf8(data).is_err() => {
                return Err(PayloadError::TextNotUtf8);
            }
            KIND_TEXT => Kind::Text,
            KIND_FILE => Kind::File {
                name: utf8(name, "name")?,
                mime: utf8(mime, "mime")?,
            },
            other => return Err(PayloadError::UnknownKind(other)),
        };
        Ok(Self {
            kind,
            data: data.to_vec(),
        })
    }
}

/// The smallest multiple of 256 that holds `len` bytes, and at least 256.
pub fn padded_len(len: usize) -> usize {
    len.div_ceil(PAD_BLOCK).max(1) * PAD_BLOCK
}

fn utf8(bytes: &[u8], field: &'static str) -> Result<String, PayloadError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| PayloadError::InvalidUtf8(field))
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], PayloadError> {
        if n > self.0.len() {
            return Err(PayloadError::Overrun(field));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, field: &'static str) -> Result<[u8; N], PayloadError> {
        let bytes = self.take(N, field)?;
        Ok(bytes.try_into().unwrap_or_else(|_| unreachable!()))
    }

    fn take_u16_field(&mut self, field: &'static str) -> Result<&'a [u8], PayloadError> {
        let len = u16::from_be_bytes(self.array(field)?) as usize;
        self.take(len, field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A file's name and type are plaintext too: a `Debug` of the payload
    /// (a log line, a panic) shows their lengths, never them.
    #[test]
    fn debug_shows_no_name_type_or_data() {
        let p = Payload::file(
            "payroll-2026.xlsx",
            "application/x-secret",
            b"data".to_vec(),
        );
        let shown = format!("{p:?} {:?}", p.kind());
        for hidden in ["payroll", "x-secret", "data\"", "[100"] {
            assert!(!shown.contains(hidden), "{shown}");
        }
        assert!(
            shown.contains("<17 bytes>") && shown.contains("<4 bytes>"),
            "{shown}"
        );
        assert_eq!(format!("{:?}", Payload::text("hush").kind()), "Text");
    }

    #[test]
    fn padding_rounds_up_to_256() {
        assert_eq!(padded_len(0), 256);
        assert_eq!(padded_len(9), 256);
        assert_eq!(padded_len(256), 256);
        assert_eq!(padded_len(257), 512);
        let p = Payload::text("x".repeat(256 - HEADER_LEN));
        assert_eq!(p.encode_padded().unwrap().len(), 256);
    }

    #[test]
    fn text_and_file_round_trip() {
        for p in [
            Payload::text(""),
            Payload::text("correct horse battery staple"),
            Payload::file("créds.env", "text/plain", b"A=1\n".to_vec()),
            Payload::file("blob.bin", "application/octet-stream", vec![0; 1000]),
        ] {
            let enc = p.encode_padded().unwrap();
            assert_eq!(enc.len() % PAD_BLOCK, 0);
            assert_eq!(Payload::decode_padded(&enc).unwrap(), p);
        }
    }

    #[test]
    fn too_large_is_refused() {
        let p = Payload::text("a".repeat(MAX_PADDED_LEN));
        assert!(matches!(
            p.encode_padded(),
            Err(PayloadError::TooLarge { .. })
        ));
        let just = Payload::text("a".repeat(MAX_PADDED_LEN - HEADER_LEN));
        assert_eq!(just.encode_padded().unwrap().len(), MAX_PADDED_LEN);
    }

    fn raw(kind: u8, name: &[u8], mime: &[u8], data_len: u32, data: &[u8]) -> Vec<u8> {
        let mut v = vec![kind];
        v.extend_from_slice(&(name.len() as u16).to_be_bytes());
        v.extend_from_slice(name);
        v.extend_from_slice(&(mime.len() as u16).to_be_bytes());
        v.extend_from_slice(mime);
        v.extend_from_slice(&data_len.to_be_bytes());
        v.extend_from_slice(data);
        v.resize(padded_len(v.len()), 0);
        v
    }

    #[test]
    fn each_malformation_has_its_own_error() {
        use PayloadError::*;
        let ok = raw(KIND_TEXT, b"", b"", 2, b"hi");
        assert!(Payload::decode_padded(&ok).is_ok());
        assert_eq!(Payload::decode_padded(&[]), Err(BadPaddedLength(0)));
        assert_eq!(
            Payload::decode_padded(&ok[..255]),
            Err(BadPaddedLength(255))
        );
        assert_eq!(
            Payload::decode_padded(&raw(7, b"", b"", 0, b"")),
            Err(UnknownKind(7))
        );
        assert_eq!(
            Payload::decode_padded(&raw(KIND_TEXT, b"", b"", 300, b"")),
            Err(Overrun("data"))
        );
        let mut name_overrun = raw(KIND_FILE, b"", b"", 0, b"");
        name_overrun[1..3].copy_from_slice(&1000u16.to_be_bytes());
        assert_eq!(Payload::decode_padded(&name_overrun), Err(Overrun("name")));
        let mut dirty = ok.clone();
        dirty[255] = 1;
        assert_eq!(Payload::decode_padded(&dirty), Err(NonZeroPadding));
        assert_eq!(
            Payload::decode_padded(&raw(KIND_FILE, b"\xff", b"x/y", 0, b"")),
            Err(InvalidUtf8("name"))
        );
        assert_eq!(
            Payload::decode_padded(&raw(KIND_FILE, b"a", b"\xc3", 0, b"")),
            Err(InvalidUtf8("mime"))
        );
        assert_eq!(
            Payload::decode_padded(&raw(KIND_TEXT, b"a", b"", 0, b"")),
            Err(TextWithMetadata)
        );
        // A lone continuation byte, a truncated sequence, an overlong '/'
        // and a surrogate: none is UTF-8.
        for bad in [&b"\x80"[..], b"ok\xc3", b"\xc0\xaf", b"\xed\xa0\x80"] {
            assert_eq!(
                Payload::decode_padded(&raw(KIND_TEXT, b"", b"", bad.len() as u32, bad)),
                Err(TextNotUtf8),
                "{bad:?}"
            );
        }
        // The same bytes as a file are fine: files carry bytes.
        assert!(Payload::decode_padded(&raw(KIND_FILE, b"a", b"x/y", 1, b"\x80")).is_ok());
    }

    /// Found by `fuzz/fuzz_targets/payload.rs`: each of these decoded, and
    /// encoding the result gave other bytes (or failed).
    #[test]
    fn only_the_one_encoding_decodes() {
        let ok = raw(KIND_TEXT, b"", b"", 2, b"hi");
        let mut extra_block = ok.clone();
        extra_block.resize(2 * PAD_BLOCK, 0);
        assert_eq!(
            Payload::decode_padded(&extra_block),
            Err(PayloadError::ExcessPadding)
        );

        let file = raw(KIND_FILE, b"a", b"b/c", 300, &[7; 300]);
        assert_eq!(file.len(), 2 * PAD_BLOCK);
        assert!(Payload::decode_padded(&file).is_ok());
        let mut file_extra = file;
        file_extra.resize(3 * PAD_BLOCK, 0);
        assert_eq!(
            Payload::decode_padded(&file_extra),
            Err(PayloadError::ExcessPadding)
        );

        let len = MAX_PADDED_LEN - HEADER_LEN + 1;
        let over = raw(KIND_TEXT, b"", b"", len as u32, &vec![b'a'; len]);
        assert_eq!(over.len(), MAX_PADDED_LEN + PAD_BLOCK);
        assert_eq!(
            Payload::decode_padded(&over),
            Err(PayloadError::TooLarge {
                len: over.len(),
                max: MAX_PADDED_LEN
            })
        );
    }

    proptest! {
        #[test]
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1200)) {
            let _ = Payload::decode_padded(&bytes);
        }

        #[test]
        fn decoding_then_encoding_is_identity(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Ok(p) = Payload::decode_padded(&bytes) {
                let encoded = p.encode_padded().unwrap();
                prop_assert_eq!(encoded.as_slice(), bytes.as_slice());
            }
        }

        #[test]
        fn files_round_trip(name in ".{0,40}", mime in "[a-z]{1,10}/[a-z]{1,10}", data in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let p = Payload::file(name, mime, data);
            prop_assert_eq!(Payload::decode_padded(&p.encode_padded().unwrap()).unwrap(), p);
        }
    }
}
