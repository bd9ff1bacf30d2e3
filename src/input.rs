//! Reading inputs: files (text, Markdown, HTML) and stdin JSON Lines, with decoding
//! and the errors of `SCHEMA.md` (`io`, `decode`, `too_large`, `parse`).

use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use crate::document::{Document, Format};
use crate::html;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Io,
    Decode,
    TooLarge,
    Parse,
    /// A bug in prex: the document made an extractor panic.
    Internal,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Parse => "parse",
            ErrorKind::Internal => "internal",
        }
    }
}

/// Why an input produced no record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub kind: ErrorKind,
    pub message: String,
}

impl InputError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        InputError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for InputError {}

/// The format a file name implies, or None when prex does not read such files.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// Bytes that only binary files contain (C0 controls other than tab, newlines,
/// form feed and escape).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

/// A file is binary when control bytes make up more than 1 in 32 of its first
/// 8 KiB; a stray NUL in an otherwise good text file does not make it binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    // Counted in blocks of 255 bytes with a u8 sum per block, which the compiler
    // vectorizes (a plain `filter().count()` costs about 8 instructions a byte).
    let n: usize = sample
        .chunks(255)
        .map(|c| c.iter().fold(0u8, |n, &b| n + u8::from(is_binary_byte(b))) as usize)
        .sum();
    n > 0 && n * 32 > sample.len()
}

/// Decodes raw bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, otherwise
/// windows-1252 with a warning. Binary content is a `decode` error.
pub fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, InputError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                warnings.push(format!(
                    "invalid {} sequences replaced with U+FFFD",
                    enc.name()
                ));
            }
            return Ok(text.into_owned());
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(body) {
        let pos = body.iter().position(|&b| is_binary_byte(b)).unwrap_or(0);
        return Err(InputError::new(
            ErrorKind::Decode,
            format!(
                "binary content (control byte 0x{:02X} at offset {pos})",
                body[pos]
            ),
        ));
    }
    match std::str::from_utf8(body) {
        Ok(s) => {
            if memchr::memchr(0, s.as_bytes()).is_some() {
                warnings.push("text contains NUL characters".to_string());
            }
            Ok(s.to_string())
        }
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            warnings.push(format!(
                "invalid UTF-8 at byte {}: decoded as windows-1252",
                e.valid_up_to()
            ));
            Ok(text.into_owned())
        }
    }
}

/// Turns decoded content into a document of the given format (HTML is parsed to
/// its readable text).
pub fn document_from_content(
    id: String,
    content: String,
    format: Format,
    raw_bytes: usize,
    mut warnings: Vec<String>,
) -> Document {
    let (text, title_hint) = if format == Format::Html {
        let page = html::readable_text(&content);
        (page.text, page.title)
    } else {
        (content, None)
    };
    warnings.shrink_to_fit();
    let mut doc = Document::new(id, text, format);
    doc.raw_bytes = raw_bytes;
    doc.title_hint = title_hint;
    doc.warnings = warnings;
    doc
}

/// Reads one file. `id` is the id the record will carry.
pub fn read_file(
    path: &Path,
    id: String,
    format: Format,
    max_bytes: u64,
) -> Result<Document, InputError> {
    let io = |e: std::io::Error| InputError::new(ErrorKind::Io, e.to_string());
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.len() > max_bytes {
        return Err(InputError::new(
            ErrorKind::TooLarge,
            format!("{} bytes exceeds --max-bytes {max_bytes}", meta.len()),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Read at most one byte past the limit: the file may have grown.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::new(
            ErrorKind::TooLarge,
            format!("more than --max-bytes {max_bytes} bytes"),
        ));
    }
    let mut warnings = Vec::new();
    let content = decode(&bytes, &mut warnings)?;
    let mut doc = document_from_content(id, content, format, bytes.len(), warnings);
    doc.path = Some(path.to_string_lossy().into_owned());
    Ok(doc)
}

/// One stdin JSON line `{"id": ..., "text": ..., "dct": optional, "format": optional}`.
#[derive(Debug, serde::Deserialize)]
struct JsonInput {
    id: Option<serde_json::Value>,
    text: Option<String>,
    dct: Option<String>,
    format: Option<String>,
}

/// Parses a date given as `YYYY-MM-DD`, possibly followed by a time (`T...`).
pub fn parse_dct(s: &str) -> Option<NaiveDate> {
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Reads one stdin JSON line. `line_no` is 1-based and names the line in errors
/// and in the id of a line without one.
pub fn parse_json_line(line: &str, line_no: usize, max_bytes: u64) -> Result<Document, InputError> {
    if line.len() as u64 > max_bytes {
        return Err(InputError::new(
            ErrorKind::TooLarge,
            format!(
                "line {line_no}: {} bytes exceeds --max-bytes {max_bytes}",
                line.len()
            ),
        ));
    }
    let v: JsonInput = serde_json::from_str(line).map_err(|e| {
        InputError::new(
            ErrorKind::Parse,
            format!("line {line_no}: invalid JSON: {e}"),
        )
    })?;
    let id = match v.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("stdin:{line_no}"),
        Some(other) => other.to_string(),
    };
    let text = v.text.ok_or_else(|| {
        InputError::new(
            ErrorKind::Parse,
            format!("line {line_no} (id {id:?}): no \"text\" field"),
        )
    })?;
    let format = match v.format.as_deref() {
        Some("html") => Format::Html,
        Some("markdown") => Format::Markdown,
        _ => Format::Jsonl,
    };
    let mut warnings = Vec::new();
    let dct = match v.dct.as_deref() {
        Some(s) if !s.trim().is_empty() => {
            let d = parse_dct(s);
            if d.is_none() {
                warnings.push(format!("dct {s:?} is not a YYYY-MM-DD date: ignored"));
            }
            d
        }
        _ => None,
    };
    let raw = text.len();
    let mut doc = document_from_content(id, text, format, raw, warnings);
    doc.format = format;
    doc.dct_override = dct;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_stripped() {
        let mut w = vec![];
        assert_eq!(decode(b"\xEF\xBB\xBFhello", &mut w).unwrap(), "hello");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let mut w = vec![];
        let t = decode(b"\x93caf\xe9\x94 \x96 ok", &mut w).unwrap();
        assert_eq!(t, "“café” – ok");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("windows-1252"));
    }

    #[test]
    fn binary_is_a_decode_error_but_a_stray_nul_is_not() {
        let mut w = vec![];
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
        assert_eq!(decode(png, &mut w).unwrap_err().kind, ErrorKind::Decode);
        let mut text = "A good press release. ".repeat(20).into_bytes();
        text[50] = 0;
        let t = decode(&text, &mut w).unwrap();
        assert_eq!(t.len(), text.len());
        assert!(w.iter().any(|x| x.contains("NUL")));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hé".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut w = vec![];
        assert_eq!(decode(&bytes, &mut w).unwrap(), "Hé");
    }

    #[test]
    fn json_lines() {
        let d = parse_json_line(
            r#"{"id":"a","text":"Hi.","dct":"1998-01-08T10:00"}"#,
            1,
            100,
        )
        .unwrap();
        assert_eq!(d.id, "a");
        assert_eq!(d.dct_override, NaiveDate::from_ymd_opt(1998, 1, 8));
        let e = parse_json_line(r#"{"id":"a"}"#, 7, 100).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse);
        assert!(e.message.contains("line 7"));
        let e = parse_json_line("{not json", 3, 100).unwrap_err();
        assert!(e.message.starts_with("line 3"));
        let d = parse_json_line(r#"{"text":"x"}"#, 9, 100).unwrap();
        assert_eq!(d.id, "stdin:9");
    }
}
