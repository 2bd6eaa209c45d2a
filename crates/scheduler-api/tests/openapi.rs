//! Snapshot of the whole OpenAPI document: every change to the contract shows up in review
//! (`cargo insta review` or `INSTA_UPDATE=always` to accept one).

#[test]
fn openapi_document_snapshot() {
    let document = serde_json::to_value(scheduler_api::openapi()).expect("serialisable");
    insta::assert_json_snapshot!("openapi", document);
}
