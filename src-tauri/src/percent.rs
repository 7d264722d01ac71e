//! `%`-encoded text: file names the UI sends with `encodeURIComponent`, and `file://` URIs a
//! file manager passes.

/// `%`-decodes `s`; `None` for a broken escape or bytes that are not UTF-8.
pub(crate) fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_percent_decoded() {
        assert_eq!(
            decode("Relev%C3%A9%20mars.pdf").as_deref(),
            Some("Relevé mars.pdf")
        );
        assert_eq!(decode("plain.png").as_deref(), Some("plain.png"));
        for bad in ["%", "%G0", "%C3", "%ff"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
