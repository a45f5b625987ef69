//! A guard between stdin and tower-lsp-server.
//!
//! tower-lsp-server ends its input stream on the first frame it cannot decode. We read the
//! Content-Length frames ourselves, answer malformed ones with a JSON-RPC error, and forward
//! only well-formed messages to the server through an in-memory pipe. The server's output
//! and our error replies share one writer, frame by frame, so they never interleave.

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// Frames larger than this are refused rather than buffered (a bad length must not eat memory).
const MAX_FRAME: usize = 64 << 20;

const HEADER_NAME: &[u8] = b"content-length:";

/// Read the next frame's body, skipping junk until a `Content-Length` header.
/// `Ok(None)` at the end of input.
pub async fn read_frame<R: AsyncBufRead + Unpin>(
    reader: &mut R,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let trimmed = trim_line_end(&line);
        if trimmed.is_empty() {
            match length {
                Some(n) => {
                    let mut body = vec![0; n];
                    if let Err(e) = reader.read_exact(&mut body).await {
                        if e.kind() == std::io::ErrorKind::UnexpectedEof {
                            return Ok(None);
                        }
                        return Err(e);
                    }
                    return Ok(Some(body));
                }
                None => continue,
            }
        }
        // The header may follow leftovers of a frame whose length was too short: look for
        // it anywhere in the line so the stream resynchronises.
        match find_ignore_case(trimmed, HEADER_NAME) {
            Some(at) => {
                let value = &trimmed[at + HEADER_NAME.len()..];
                let parsed = std::str::from_utf8(value)
                    .ok()
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .filter(|&n| n <= MAX_FRAME);
                if parsed.is_none() {
                    tracing::warn!(
                        "bad Content-Length header: {}",
                        String::from_utf8_lossy(trimmed)
                    );
                }
                length = parsed;
            }
            None if length.is_some() => {} // another header (Content-Type): ignored
            None => tracing::warn!(
                "skipping bytes outside a frame: {}",
                String::from_utf8_lossy(trimmed)
            ),
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &line[..end]
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

pub fn encode_frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What to do with a frame read from the client.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Forward,
    /// Answer with this error body and drop the frame.
    Reject(Vec<u8>),
}

/// Check that a frame is a JSON-RPC message tower-lsp-server can decode.
pub fn judge(body: &[u8]) -> Verdict {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!("malformed JSON message: {e}");
            return Verdict::Reject(error_body(
                Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ));
        }
    };
    let is_request = serde_json::from_value::<jsonrpc::Request>(value.clone()).is_ok();
    let is_response =
        !is_request && serde_json::from_value::<jsonrpc::Response>(value.clone()).is_ok();
    if is_request || is_response {
        return Verdict::Forward;
    }
    tracing::warn!(
        "not a JSON-RPC message: {}",
        truncate(&value.to_string(), 200)
    );
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    Verdict::Reject(error_body(id, -32600, "Invalid Request"))
}

fn error_body(id: Value, code: i64, message: &str) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
        .to_string()
        .into_bytes()
}

fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Copy frames from the client to the server pipe, answering bad ones on `replies`.
pub async fn pump_input<R, W>(input: R, mut to_server: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        let body = match read_frame(&mut reader).await {
            Ok(Some(body)) => body,
            Ok(None) => break,
            Err(e) => {
                tracing::error!("reading stdin: {e}");
                break;
            }
        };
        match judge(&body) {
            Verdict::Forward => {
                if to_server.write_all(&encode_frame(&body)).await.is_err() {
                    break; // the server has stopped (after `exit`)
                }
            }
            Verdict::Reject(reply) => {
                let _ = replies.send(reply);
            }
        }
    }
    let _ = to_server.shutdown().await;
}

/// Copy the server's frames to `replies`, whole, so that they never interleave with ours.
pub async fn pump_output<R: AsyncRead + Unpin>(
    from_server: R,
    replies: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut reader = BufReader::new(from_server);
    while let Ok(Some(body)) = read_frame(&mut reader).await {
        if replies.send(body).is_err() {
            break;
        }
    }
}

/// The one writer of stdout.
pub async fn write_output<W: AsyncWrite + Unpin>(
    mut out: W,
    mut bodies: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(body) = bodies.recv().await {
        if out.write_all(&encode_frame(&body)).await.is_err() || out.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn resynchronises_after_a_short_length() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{good}Content-Length: {}\r\n\r\n{good}",
            good.len()
        );
        let mut reader = BufReader::new(input.as_bytes());
        let first = read_frame(&mut reader).await.unwrap().unwrap();
        assert_eq!(first, good.as_bytes()[..5].to_vec());
        assert!(matches!(judge(&first), Verdict::Reject(_)));
        let second = read_frame(&mut reader).await.unwrap().unwrap();
        assert_eq!(second, good.as_bytes());
        assert_eq!(judge(&second), Verdict::Forward);
        assert_eq!(read_frame(&mut reader).await.unwrap(), None);
    }

    #[test]
    fn json_that_is_not_a_message_is_an_invalid_request() {
        let Verdict::Reject(reply) = judge(br#"{"id":7,"hello":1}"#) else {
            panic!("forwarded a non-message");
        };
        let v: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(v["error"]["code"], -32600);
        assert_eq!(v["id"], 7);
    }
}
