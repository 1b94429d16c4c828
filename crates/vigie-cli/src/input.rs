//! Reading posts from JSONL or CSV, one bounded record at a time, so that memory stays flat
//! whatever the size of the input and a bad record costs only itself.

use std::io::{BufRead, Read};

use serde::Deserialize;
use vigie_policy::PostContext;

/// A post as read from the input, before it enters the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct InputPost {
    pub id: String,
    pub text: String,
    pub lang: Option<String>,
    pub context: PostContext,
}

/// One record of the input that could not become a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Malformed {
    /// 1-based line number (for CSV: the line where the record starts).
    pub line: u64,
    pub reason: String,
}

/// Input formats `vigie scan` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

impl Format {
    /// Guesses from a path's extension; JSONL unless it says CSV.
    pub fn from_path(path: &str) -> Format {
        if path.to_ascii_lowercase().ends_with(".csv") {
            Format::Csv
        } else {
            Format::Jsonl
        }
    }
}

/// The JSON shape of a post: `id` and `text` are required, `lang` and `context` optional.
/// Other top-level fields are ignored, so archives with extra metadata scan as they are; the
/// `context` object itself is strict, because a misspelt key there would silently change what the
/// policy sees.
#[derive(Deserialize)]
struct JsonPost {
    id: JsonId,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    context: Option<PostContext>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonId {
    Text(String),
    Int(i64),
    Uint(u64),
}

impl JsonId {
    fn into_string(self) -> String {
        match self {
            JsonId::Text(s) => s,
            JsonId::Int(n) => n.to_string(),
            JsonId::Uint(n) => n.to_string(),
        }
    }
}

/// Parses one JSONL line into a post.
pub fn parse_json_line(line: &[u8]) -> Result<InputPost, String> {
    let text = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let post: JsonPost = serde_json::from_str(text).map_err(|e| format!("bad JSON: {e}"))?;
    let id = post.id.into_string();
    if id.is_empty() {
        return Err("empty \"id\"".to_string());
    }
    let mut context = post.context.unwrap_or_default();
    if context.lang.is_none() {
        context.lang = post.lang.clone();
    }
    Ok(InputPost {
        id,
        text: post.text,
        lang: post.lang,
        context,
    })
}

/// What [`LineReader::next_line`] produced.
pub enum Line {
    /// A complete line, without its terminator.
    Complete,
    /// A line longer than the limit; its bytes were skipped (its first bytes are kept).
    TooLong { bytes: u64 },
}

/// Reads lines of at most `max_len` bytes. `BufRead::read_until` would buffer a line of any
/// size; a single 10 GB line must not take the process down, so longer lines are skipped.
pub struct LineReader<R> {
    inner: R,
    max_len: usize,
    pub line_no: u64,
    pub bytes_read: u64,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, max_len: usize) -> Self {
        LineReader {
            inner,
            max_len,
            line_no: 0,
            bytes_read: 0,
        }
    }

    /// Reads the next line into `buf` (cleared first). `Ok(None)` at end of input.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<Option<Line>> {
        buf.clear();
        let mut total: u64 = 0;
        let mut seen_any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            seen_any = true;
            let (chunk, consumed, done) = match memchr_newline(available) {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            total += chunk.len() as u64;
            if buf.len() < self.max_len {
                let room = self.max_len - buf.len();
                buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            self.inner.consume(consumed);
            self.bytes_read += consumed as u64;
            if done {
                break;
            }
        }
        if !seen_any {
            return Ok(None);
        }
        self.line_no += 1;
        if buf.last() == Some(&b'\r') {
            buf.pop();
            total = total.saturating_sub(1);
        }
        if total > self.max_len as u64 {
            return Ok(Some(Line::TooLong { bytes: total }));
        }
        Ok(Some(Line::Complete))
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// A CSV source: header names `id` and `text` (required), `lang` (optional); other columns are
/// ignored.
pub struct CsvPosts<R: Read> {
    reader: csv::Reader<R>,
    id_col: usize,
    text_col: usize,
    lang_col: Option<usize>,
    record: csv::ByteRecord,
}

impl<R: Read> CsvPosts<R> {
    pub fn new(inner: R) -> anyhow::Result<Self> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(inner);
        let headers = reader.byte_headers()?.clone();
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name.as_bytes()))
        };
        let id_col =
            find("id").ok_or_else(|| anyhow::anyhow!("CSV header has no \"id\" column"))?;
        let text_col =
            find("text").ok_or_else(|| anyhow::anyhow!("CSV header has no \"text\" column"))?;
        Ok(CsvPosts {
            reader,
            id_col,
            text_col,
            lang_col: find("lang"),
            record: csv::ByteRecord::new(),
        })
    }

    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The next record: `None` at the end; `Some(Err)` for a record that is not a post.
    pub fn next_post(&mut self) -> Option<Result<InputPost, Malformed>> {
        let line = self.reader.position().line();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(self.current(line)),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(line);
                Some(Err(Malformed {
                    line,
                    reason: format!("bad CSV: {e}"),
                }))
            }
        }
    }

    fn current(&self, line: u64) -> Result<InputPost, Malformed> {
        let field = |i: usize, name: &str| -> Result<String, Malformed> {
            let raw = self.record.get(i).ok_or_else(|| Malformed {
                line,
                reason: format!("missing \"{name}\" field"),
            })?;
            String::from_utf8(raw.to_vec()).map_err(|e| Malformed {
                line,
                reason: format!(
                    "invalid UTF-8 in \"{name}\" at byte {}",
                    e.utf8_error().valid_up_to()
                ),
            })
        };
        let id = field(self.id_col, "id")?;
        if id.is_empty() {
            return Err(Malformed {
                line,
                reason: "empty \"id\"".to_string(),
            });
        }
        let text = field(self.text_col, "text")?;
        let lang = match self.lang_col {
            Some(i) => Some(field(i, "lang")?).filter(|l| !l.is_empty()),
            None => None,
        };
        let context = PostContext {
            lang: lang.clone(),
            ..PostContext::default()
        };
        Ok(InputPost {
            id,
            text,
            lang,
            context,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Result<Vec<u8>, u64>> {
        let mut r = LineReader::new(input, max);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(l) = r.next_line(&mut buf).unwrap() {
            out.push(match l {
                Line::Complete => Ok(buf.clone()),
                Line::TooLong { bytes } => Err(bytes),
            });
        }
        out
    }

    #[test]
    fn line_reader_splits_and_bounds() {
        let out = lines(b"ab\r\n\nxyz12345\nlast", 5);
        assert_eq!(
            out,
            vec![Ok(b"ab".to_vec()), Ok(vec![]), Err(8), Ok(b"last".to_vec())]
        );
    }

    #[test]
    fn line_reader_handles_tiny_buffers() {
        let data = b"hello world\nsecond line\n";
        let reader = std::io::BufReader::with_capacity(3, &data[..]);
        let mut r = LineReader::new(reader, 100);
        let mut buf = Vec::new();
        assert!(matches!(
            r.next_line(&mut buf).unwrap(),
            Some(Line::Complete)
        ));
        assert_eq!(buf, b"hello world");
        assert!(matches!(
            r.next_line(&mut buf).unwrap(),
            Some(Line::Complete)
        ));
        assert_eq!(buf, b"second line");
        assert!(r.next_line(&mut buf).unwrap().is_none());
        assert_eq!(r.line_no, 2);
    }

    #[test]
    fn json_posts_parse_and_refuse() {
        let p = parse_json_line(br#"{"id": 7, "text": "hi", "lang": "fr", "extra": [1]}"#).unwrap();
        assert_eq!((p.id.as_str(), p.text.as_str()), ("7", "hi"));
        assert_eq!(p.context.lang.as_deref(), Some("fr"));
        assert!(
            parse_json_line(b"{\"id\": \"a\", \"text\": \"\xff\"}")
                .unwrap_err()
                .contains("UTF-8")
        );
        assert!(
            parse_json_line(br#"{"id": "a"}"#)
                .unwrap_err()
                .contains("text")
        );
        assert!(
            parse_json_line(br#"{"id": "", "text": "x"}"#)
                .unwrap_err()
                .contains("empty")
        );
        assert!(
            parse_json_line(br#"{"id": "a", "text": "x", "context": {"bogus": 1}}"#)
                .unwrap_err()
                .contains("bogus")
        );
        // A lone surrogate escape is refused by the JSON parser, with the reason.
        assert!(parse_json_line(br#"{"id": "a", "text": "\ud800"}"#).is_err());
    }

    #[test]
    fn csv_posts_read_with_line_numbers() {
        let data = "id,lang,text\n1,en,hello\n2,fr,\"multi\nline\"\n,en,no id\n3,en,ok\n";
        let mut csv = CsvPosts::new(data.as_bytes()).unwrap();
        let mut got = Vec::new();
        while let Some(r) = csv.next_post() {
            got.push(r.map(|p| (p.id, p.text)).map_err(|m| m.line));
        }
        assert_eq!(
            got,
            vec![
                Ok(("1".into(), "hello".into())),
                Ok(("2".into(), "multi\nline".into())),
                Err(5),
                Ok(("3".into(), "ok".into())),
            ]
        );
    }
}
