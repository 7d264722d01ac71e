//! One RFC 3161 request against the local TSA (the real `openssl ts -reply` behind a loopback
//! HTTP server): build the request, POST it, verify the answer (imprint, nonce, signature,
//! certificate). Most of the time is openssl's own process start; a public TSA adds the
//! network's round trip. `cargo bench -p carnet-proof --bench timestamp`.

use std::time::Duration;

use carnet_proof::testing::local_tsa;
use carnet_proof::tsp::request_timestamp;
use criterion::{Criterion, criterion_group, criterion_main};

fn timestamp(c: &mut Criterion) {
    let (_tsa, url) = local_tsa();
    let digest = [7u8; 32];
    let mut group = c.benchmark_group("tsa");
    group.sample_size(20);
    group.bench_function("request_and_verify", |b| {
        b.iter(|| request_timestamp(&url, &digest, Duration::from_secs(20)).expect("a token"))
    });
    group.finish();
}

criterion_group!(benches, timestamp);
criterion_main!(benches);
