//! Protocol abuse over the real binary's stdio: every bad message gets the JSON-RPC answer the
//! spec gives it (or none, for a notification), and the server keeps serving.
//! `tests/lsp.rs` covers malformed JSON, non-messages, a short Content-Length and hovers on
//! unknown documents; this file covers the rest.

mod common;

use common::{range, LspClient};
use serde_json::{json, Value};

/// The server still answers: a workspace symbol query on no documents.
fn assert_alive(client: &mut LspClient) {
    assert_eq!(
        client.call("workspace/symbol", json!({"query": ""})),
        json!([])
    );
}

/// The abuse left the server answering, and it still shuts down cleanly.
fn assert_alive_then_exit(mut client: LspClient) {
    assert_alive(&mut client);
    assert_eq!(client.shutdown_and_exit(), 0);
}

fn log_containing(client: &mut LspClient, needle: &str) -> Value {
    client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains(needle))
    })
}

#[test]
fn requests_before_initialize_are_refused_and_initialize_still_works() {
    let mut client = LspClient::start();
    let early = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///a.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(early["error"]["code"], -32002, "{early}");
    let early = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    // A notification before initialize is dropped without an answer.
    client.open("file:///a.txt", "plaintext", "“Too early to open.”");
    client.initialize(&["utf-16"]);
    assert_alive_then_exit(client);
}

#[test]
fn a_second_initialize_is_an_invalid_request() {
    let mut client = LspClient::ready();
    let again = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(again["error"]["code"], -32600, "{again}");
    assert_alive_then_exit(client);
}

#[test]
fn unknown_methods_and_bad_params() {
    let mut client = LspClient::ready();
    let unknown = client.request("whosaid/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // Unknown notifications, `$/` ones included, are ignored without an answer.
    client.notify("whosaid/noSuchNotification", json!({"x": 1}));
    client.notify("$/setTrace", json!({"value": "verbose"}));
    let bad = client.request("textDocument/hover", json!({"textDocument": 7}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    let missing = client.request("textDocument/documentSymbol", Value::Null);
    assert_eq!(missing["error"]["code"], -32602, "{missing}");
    assert_alive_then_exit(client);
}

#[test]
fn batches_and_odd_ids_are_invalid_requests() {
    let mut client = LspClient::ready();
    // JSON-RPC batches are not part of LSP.
    client.send_body(
        br#"[{"jsonrpc":"2.0","id":5,"method":"workspace/symbol","params":{"query":""}}]"#,
    );
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_eq!(error["id"], Value::Null);
    // An id that is an object is not a valid id.
    client.send_body(br#"{"jsonrpc":"2.0","id":{"n":1},"method":"workspace/symbol"}"#);
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_eq!(error["id"], Value::Null);
    // Not UTF-8 at all.
    client.send_body(b"\xff\xfe{\x00}");
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert_alive_then_exit(client);
}

#[test]
fn bad_content_lengths_resynchronise_on_the_next_header() {
    let mut client = LspClient::ready();
    let symbols = br#"{"jsonrpc":"2.0","id":70,"method":"workspace/symbol","params":{"query":""}}"#;
    // Not a number, then larger than any frame the server accepts: the header is ignored
    // and the body is skipped as bytes outside a frame.
    for header in [
        "Content-Length: twelve",
        "Content-Length: 99999999999999999999",
    ] {
        let mut bytes = format!("{header}\r\n\r\n").into_bytes();
        bytes.extend_from_slice(symbols);
        client.send_raw(&bytes);
    }
    // Longer than the body: the frame swallows the start of the next message, which is
    // answered as a parse error; the message after that is served.
    let mut bytes = format!("Content-Length: {}\r\n\r\n", symbols.len() + 30).into_bytes();
    bytes.extend_from_slice(symbols);
    client.send_raw(&bytes);
    client.send_body(
        br#"{"jsonrpc":"2.0","id":71,"method":"workspace/symbol","params":{"query":""}}"#,
    );
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700, "{error}");
    let fine = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(fine["result"], json!([]), "{fine}");
    assert_alive_then_exit(client);
}

#[test]
fn notifications_for_documents_never_opened() {
    let uri = "file:///work/never.txt";
    let mut client = LspClient::ready();
    client.change(uri, 2, json!([{"range": range(0, 0, 0, 0), "text": "x"}]));
    let log = log_containing(&mut client, "didChange for unknown document");
    assert_eq!(log["params"]["type"], 2);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}, "text": "x"}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["error"]["code"], -32602, "{hover}");
    assert_alive_then_exit(client);
}

#[test]
fn a_version_going_backwards_is_applied_and_reported() {
    let uri = "file:///work/versions.txt";
    let mut client = LspClient::ready();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 5, "text": "Intro.\n"}}),
    );
    assert_eq!(client.diagnostics(uri, 5), Vec::<Value>::new());
    client.change(
        uri,
        3,
        json!([{"range": range(1, 0, 1, 0), "text": "“This will never work.”"}]),
    );
    let log = log_containing(&mut client, "version 3 after 5 (applied anyway)");
    assert_eq!(log["params"]["type"], 2);
    let diags = client.diagnostics(uri, 3);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"], range(1, 0, 1, 23));
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn requests_after_shutdown_are_invalid() {
    let mut client = LspClient::ready();
    client.call("shutdown", Value::Null);
    let late = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 0);
}
