//! A body decoded and its facts read in one pass: [`decode`] runs the typed decode through a
//! deserializer that watches it, and keeps the scalars it meets at the model's field paths.
//!
//! A body that decodes into its typed form still has its facts read by path (the same rules as
//! for a body that does not). Building a `serde_json::Value` of it only for that cost twice the
//! typed decode; a second pass over the bytes, most of it again (BENCHMARKS.md). The watching
//! deserializer is serde_path_to_error's idea (a deserializer that wraps another and sees every
//! key and value go by), cut down to what facts need, so it is written here.

use crate::model::{FieldRole, ANY_ELEMENT, EACH_ELEMENT};
use serde_core::de::{DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// Decodes `T` from `body` and, in the same pass, finds the scalar (string or number) at each
/// field's path, if any: what `facts::scalar_at` finds in a `Value` of the body (through an
/// array, the first element that has one). A repeated key counts as serde_json counts it: the
/// last one wins.
///
/// An error when the body is not JSON or does not decode as `T`. At most [`MAX_FIELDS`] fields
/// are watched (read more from a `Value`); any beyond are not.
pub(crate) fn decode<T: DeserializeOwned>(
    body: &[u8],
    fields: &[(FieldRole, &[&str])],
) -> Result<(T, Vec<Option<Value>>), serde_json::Error> {
    decode_with(body, fields, |found| found.iter_mut().map(Option::take).collect())
}

/// [`decode`], with what was found handed to `finish` in place (one slot per field) rather
/// than returned: a model of few fields keeps them on the stack.
pub(crate) fn decode_with<T: DeserializeOwned, R>(
    body: &[u8],
    fields: &[(FieldRole, &[&str])],
    finish: impl FnOnce(&mut [Option<Value>]) -> R,
) -> Result<(T, R), serde_json::Error> {
    let fields = &fields[..fields.len().min(MAX_FIELDS)];
    // One bit per field: all 64, or the low `n`.
    let wanted = match fields.len() {
        MAX_FIELDS => u64::MAX,
        n => (1u64 << n) - 1,
    };
    let mut found = Found::new(fields.len(), wanted);
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let tee = Tee { inner: &mut deserializer, node: Node { fields, depth: 0, wanted }, found: &mut found };
    let typed = T::deserialize(tee)?;
    deserializer.end()?;
    Ok((typed, finish(found.slots())))
}

/// What a decode found, one slot per field, and which slots are still empty (one bit each).
struct Found {
    storage: Storage,
    missing: u64,
}

/// The slots: on the stack for the few fields a model has, else on the heap.
// The inline variant is the point: it lives on the stack for one decode, never in a collection.
#[allow(clippy::large_enum_variant)]
enum Storage {
    Inline([Option<Value>; INLINE_FIELDS], usize),
    Heap(Vec<Option<Value>>),
}

/// How many fields' slots [`Found`] keeps without allocating (no catalog here has more).
pub(crate) const INLINE_FIELDS: usize = 8;

impl Found {
    fn new(len: usize, missing: u64) -> Self {
        let storage = if len <= INLINE_FIELDS {
            Storage::Inline(Default::default(), len)
        } else {
            Storage::Heap(vec![None; len])
        };
        Self { storage, missing }
    }

    fn slots(&mut self) -> &mut [Option<Value>] {
        match &mut self.storage {
            Storage::Inline(slots, len) => &mut slots[..*len],
            Storage::Heap(slots) => slots,
        }
    }
}

/// The indexes of the set bits of `set`, lowest first.
pub(crate) fn bits(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let index = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        (index < 64).then_some(index)
    })
}

/// How many field paths one decode watches (one bit each).
pub(crate) const MAX_FIELDS: usize = 64;

/// Where a value stands: the paths that lead through it.
#[derive(Clone, Copy)]
pub(crate) struct Node<'p> {
    pub(crate) fields: &'p [(FieldRole, &'p [&'p str])],
    /// How many keys lead here.
    pub(crate) depth: usize,
    /// The paths whose first `depth` keys lead here, one bit each (no allocation: this runs
    /// for every decoded body).
    pub(crate) wanted: u64,
}

impl Node<'_> {
    /// The paths that end at this value. (Over the set bits of `wanted`, which are few: this
    /// runs for every value on a watched path.)
    pub(crate) fn ending(&self) -> u64 {
        bits(self.wanted)
            .filter(|&index| self.fields[index].1.len() == self.depth)
            .fold(0, |set, index| set | 1 << index)
    }

    /// The paths that go on under `key`, in an object here.
    pub(crate) fn under(&self, key: &str) -> u64 {
        bits(self.wanted)
            .filter(|&index| self.fields[index].1.get(self.depth) == Some(&key))
            .fold(0, |set, index| set | 1 << index)
    }

    /// The paths that go on into each element, in an array here (their next key is
    /// [`EACH_ELEMENT`] or [`ANY_ELEMENT`]: the first element with the fact gives it either way).
    pub(crate) fn through_elements(&self) -> u64 {
        self.under(EACH_ELEMENT) | self.under(ANY_ELEMENT)
    }
}

/// Keeps `value` (made only when needed) for the paths that end at `node` and have nothing yet:
/// of an array's elements the first that has the fact gives it (a repeated key in an object has
/// cleared what the first one held, so there the last one gives it, as in a `Value`).
fn keep(node: Node<'_>, found: &mut Found, value: impl FnOnce() -> Value) {
    let ending = node.ending() & found.missing;
    if ending == 0 {
        return;
    }
    found.missing &= !ending;
    let mut value = Some(value());
    let last = 63 - ending.leading_zeros() as usize;
    let slots = found.slots();
    for index in bits(ending) {
        // Moved into the last path that ends here, cloned for any before it.
        slots[index] = if index == last { value.take() } else { value.clone() };
    }
}

/// The deserializer of one value on a watched path: every request goes to `inner`, with the
/// visitor wrapped so that scalars and objects are seen on their way.
struct Tee<'f, 'p, D> {
    inner: D,
    node: Node<'p>,
    found: &'f mut Found,
}

/// The same, for the visitor.
struct TeeVisitor<'f, 'p, V> {
    inner: V,
    node: Node<'p>,
    found: &'f mut Found,
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                let (inner, visitor) = self.split(visitor);
                inner.$method($($arg,)* visitor)
            }
        )*
    };
}

/// Every method of a deserializer wrapper that only wraps the visitor.
macro_rules! forward_all_deserialize {
    () => {
        forward_deserialize! {
            deserialize_any(), deserialize_bool(), deserialize_i8(), deserialize_i16(), deserialize_i32(),
            deserialize_i64(), deserialize_i128(), deserialize_u8(), deserialize_u16(), deserialize_u32(),
            deserialize_u64(), deserialize_u128(), deserialize_f32(), deserialize_f64(), deserialize_char(),
            deserialize_str(), deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
            deserialize_option(), deserialize_unit(), deserialize_unit_struct(name: &'static str),
            deserialize_newtype_struct(name: &'static str), deserialize_seq(), deserialize_tuple(len: usize),
            deserialize_tuple_struct(name: &'static str, len: usize), deserialize_map(),
            deserialize_struct(name: &'static str, fields: &'static [&'static str]),
            deserialize_enum(name: &'static str, variants: &'static [&'static str]), deserialize_identifier(),
        }
    };
}

impl<'f, 'p, D> Tee<'f, 'p, D> {
    /// The inner deserializer, and the visitor wrapped to watch this value.
    fn split<V>(self, visitor: V) -> (D, TeeVisitor<'f, 'p, V>) {
        (self.inner, TeeVisitor { inner: visitor, node: self.node, found: self.found })
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tee<'_, '_, D> {
    type Error = D::Error;

    forward_all_deserialize!();

    /// A member the typed body ignores may still hold a fact: read it when a path goes there.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if self.node.wanted == 0 {
            return self.inner.deserialize_ignored_any(visitor);
        }
        let (inner, visitor) = self.split(visitor);
        inner.deserialize_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Visits that only pass through.
macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: serde_core::de::Error>(self, value: $ty) -> Result<V::Value, E> {
                self.inner.$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TeeVisitor<'_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool), visit_i8(i8), visit_i16(i16), visit_i32(i32), visit_i128(i128), visit_u8(u8),
        visit_u16(u16), visit_u32(u32), visit_u128(u128), visit_f32(f32), visit_char(char),
        visit_bytes(&[u8]), visit_borrowed_bytes(&'de [u8]), visit_byte_buf(Vec<u8>),
    }

    fn visit_i64<E: serde_core::de::Error>(self, number: i64) -> Result<V::Value, E> {
        keep(self.node, self.found, || Value::from(number));
        self.inner.visit_i64(number)
    }

    fn visit_u64<E: serde_core::de::Error>(self, number: u64) -> Result<V::Value, E> {
        keep(self.node, self.found, || Value::from(number));
        self.inner.visit_u64(number)
    }

    fn visit_f64<E: serde_core::de::Error>(self, number: f64) -> Result<V::Value, E> {
        // Finite in JSON; `from` gives `Null` otherwise, which no fact reads.
        keep(self.node, self.found, || Value::from(number));
        self.inner.visit_f64(number)
    }

    fn visit_str<E: serde_core::de::Error>(self, text: &str) -> Result<V::Value, E> {
        keep(self.node, self.found, || Value::from(text));
        self.inner.visit_str(text)
    }

    fn visit_borrowed_str<E: serde_core::de::Error>(self, text: &'de str) -> Result<V::Value, E> {
        keep(self.node, self.found, || Value::from(text));
        self.inner.visit_borrowed_str(text)
    }

    fn visit_string<E: serde_core::de::Error>(self, text: String) -> Result<V::Value, E> {
        keep(self.node, self.found, || Value::from(text.as_str()));
        self.inner.visit_string(text)
    }

    fn visit_none<E: serde_core::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde_core::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Tee { inner: deserializer, node: self.node, found: self.found })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Tee { inner: deserializer, node: self.node, found: self.found })
    }

    /// Paths that go on into each element watch every element.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let wanted = self.node.through_elements();
        if wanted == 0 {
            return self.inner.visit_seq(seq);
        }
        let element = Node { fields: self.node.fields, depth: self.node.depth + 1, wanted };
        self.inner.visit_seq(TeeSeq { inner: seq, node: element, found: self.found })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(TeeMap {
            inner: map,
            node: self.node,
            found: self.found,
            under_key: 0,
            seen: 0,
            filled: 0,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

/// An array on a watched path: each element is watched for the paths that go into it.
struct TeeSeq<'f, 'p, A> {
    inner: A,
    /// Where each element stands.
    node: Node<'p>,
    found: &'f mut Found,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for TeeSeq<'_, '_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, A::Error> {
        self.inner.next_element_seed(TeeSeed { inner: seed, node: self.node, found: &mut *self.found })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An object on a watched path: each key is read as it goes by, and a value whose key leads
/// further along a path is watched in turn.
struct TeeMap<'f, 'p, A> {
    inner: A,
    node: Node<'p>,
    found: &'f mut Found,
    /// The paths that go on under the last key read.
    under_key: u64,
    /// The paths under the keys read so far, to tell a repeated key.
    seen: u64,
    /// The paths whose fact a value of this object gave.
    filled: u64,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TeeMap<'_, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.under_key = 0;
        self.inner.next_key_seed(KeySeed { inner: seed, node: self.node, under: &mut self.under_key })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        if self.under_key == 0 {
            return self.inner.next_value_seed(seed);
        }
        let child = Node { fields: self.node.fields, depth: self.node.depth + 1, wanted: self.under_key };
        // A repeated key replaces what the first one gave, as in a `Value` (and only that: what
        // an earlier element of an array gave stays).
        let replaced = self.under_key & self.seen & self.filled;
        self.seen |= self.under_key;
        if replaced != 0 {
            let slots = self.found.slots();
            for index in bits(replaced) {
                slots[index] = None;
            }
            self.found.missing |= replaced;
        }
        let empty_before = self.found.missing;
        let value = self.inner.next_value_seed(TeeSeed { inner: seed, node: child, found: &mut *self.found })?;
        self.filled |= empty_before & !self.found.missing & self.under_key;
        Ok(value)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The value under a watched key.
struct TeeSeed<'f, 'p, S> {
    inner: S,
    node: Node<'p>,
    found: &'f mut Found,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for TeeSeed<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Tee { inner: deserializer, node: self.node, found: self.found })
    }
}

/// A key, read as it goes by: the paths that go on under it, into `under`.
struct KeySeed<'k, 'p, S> {
    inner: S,
    node: Node<'p>,
    under: &'k mut u64,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(KeyTee { inner: deserializer, node: self.node, under: self.under })
    }
}

struct KeyTee<'k, 'p, D> {
    inner: D,
    node: Node<'p>,
    under: &'k mut u64,
}

struct KeyVisitor<'k, 'p, V> {
    inner: V,
    node: Node<'p>,
    under: &'k mut u64,
}

impl<'k, 'p, D> KeyTee<'k, 'p, D> {
    /// The inner deserializer, and the visitor wrapped to read the key.
    fn split<V>(self, visitor: V) -> (D, KeyVisitor<'k, 'p, V>) {
        (self.inner, KeyVisitor { inner: visitor, node: self.node, under: self.under })
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyTee<'_, '_, D> {
    type Error = D::Error;

    forward_all_deserialize!();

    forward_deserialize!(deserialize_ignored_any());

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool), visit_i8(i8), visit_i16(i16), visit_i32(i32), visit_i64(i64), visit_i128(i128),
        visit_u8(u8), visit_u16(u16), visit_u32(u32), visit_u64(u64), visit_u128(u128), visit_f32(f32),
        visit_f64(f64), visit_char(char), visit_bytes(&[u8]), visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    }

    fn visit_str<E: serde_core::de::Error>(self, text: &str) -> Result<V::Value, E> {
        *self.under = self.node.under(text);
        self.inner.visit_str(text)
    }

    fn visit_borrowed_str<E: serde_core::de::Error>(self, text: &'de str) -> Result<V::Value, E> {
        *self.under = self.node.under(text);
        self.inner.visit_borrowed_str(text)
    }

    fn visit_string<E: serde_core::de::Error>(self, text: String) -> Result<V::Value, E> {
        *self.under = self.node.under(&text);
        self.inner.visit_string(text)
    }

    fn visit_none<E: serde_core::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde_core::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) const FIELDS: &[(FieldRole, &[&str])] = &[
        (FieldRole::Code, &["code"]),
        (FieldRole::Code, &["error", "code"]),
        (FieldRole::Message, &["error", "message"]),
        (FieldRole::RetryAfter, &["retry"]),
        (FieldRole::Message, &["error"]),
        (FieldRole::Hint, &["errors", EACH_ELEMENT, "code"]),
        (FieldRole::Hint, &["error", "details", EACH_ELEMENT, "reason"]),
        (FieldRole::Hint, &["grid", EACH_ELEMENT, EACH_ELEMENT]),
        (FieldRole::Code, &["errors", ANY_ELEMENT, "field"]),
    ];

    /// What `Value` gives at each path, when it is a string or a number: what the tee must give.
    pub(crate) fn by_value(body: &str) -> Option<Vec<Option<Value>>> {
        let json: Value = serde_json::from_str(body).ok()?;
        Some(FIELDS.iter().map(|(_, path)| crate::facts::scalar_at(&json, path).cloned()).collect())
    }

    /// A typed body that reads some members, ignores others and has a member of any JSON.
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)] // Read through Debug only.
    struct Typed {
        code: Option<String>,
        retry: Option<Value>,
        error: Option<Value>,
    }

    /// The facts the tee finds under three decoders: one that ignores everything, one that
    /// reads everything, and a struct.
    fn decoded(body: &str) -> [Option<Vec<Option<Value>>>; 3] {
        let bytes = body.as_bytes();
        [
            decode::<serde::de::IgnoredAny>(bytes, FIELDS).ok().map(|(_, found)| found),
            decode::<Value>(bytes, FIELDS).ok().map(|(_, found)| found),
            decode::<Typed>(bytes, FIELDS).ok().map(|(_, found)| found),
        ]
    }

    #[test]
    fn finds_scalars_at_their_paths_and_nothing_else() {
        let body = r#"{"code": "A", "error": {"code": 7, "message": "m", "x": [1, {"code": "no"}]}, "retry": 1.5, "z": {"code": "no"}}"#;
        for found in decoded(body) {
            let found = found.unwrap();
            assert_eq!(Some(&found), by_value(body).as_ref());
            assert_eq!(found[0], Some(Value::from("A")));
            assert_eq!(found[1], Some(Value::from(7)));
            assert_eq!(found[3], Some(Value::from(1.5)));
            assert_eq!(found[4], None, "an object is not a scalar");
        }
    }

    /// Bodies that repeat a key on a path, which a `Value` resolves to the last one.
    pub(crate) const REPEATED_KEYS: [&str; 5] = [
        r#"{"z": 1, "z": 2, "retry": "first", "retry": "second"}"#,
        r#"{"retry": "first", "retry": null}"#,
        r#"{"error": {"code": "a"}, "error": {"message": "b"}}"#,
        r#"{"error": "text", "error": {"code": "c"}}"#,
        r#"{"error": {"code": "c"}, "error": "text"}"#,
    ];

    #[test]
    fn repeated_keys_keep_the_last_as_a_value_does() {
        for body in REPEATED_KEYS {
            // serde's derive refuses a repeated member it reads (`Typed` reads these): that body
            // is read from a `Value` instead, so only the other two decoders count here.
            let [ignoring, reading, _] = decoded(body);
            assert_eq!(ignoring, by_value(body), "{body}");
            assert_eq!(reading, by_value(body), "{body}");
        }
    }

    #[test]
    fn keys_with_escapes_match() {
        for found in decoded(r#"{"c\u006fde": "escaped"}"#) {
            assert_eq!(found.unwrap()[0], Some(Value::from("escaped")));
        }
    }

    #[test]
    fn what_is_not_json_or_does_not_decode_gives_nothing() {
        for body in ["", "{", r#"{"code": "a"} trailing"#, "<html>", r#"{"code": "a",}"#] {
            assert_eq!(decoded(body), [None, None, None], "{body}");
        }
        let [ignoring, reading, typed] = decoded(r#"{"code": 5}"#);
        assert!(ignoring.is_some() && reading.is_some());
        assert_eq!(typed, None, "a number is not the typed body's string");
    }

    /// A JSON document in which an object may repeat a key (which `Value` cannot hold).
    #[derive(Clone, Debug)]
    pub(crate) enum Node {
        Leaf(Value),
        Array(Vec<Node>),
        Object(Vec<(&'static str, Node)>),
    }

    pub(crate) fn text(node: &Node) -> String {
        match node {
            Node::Leaf(value) => value.to_string(),
            Node::Array(items) => format!("[{}]", items.iter().map(text).collect::<Vec<_>>().join(",")),
            Node::Object(members) => {
                let members: Vec<String> =
                    members.iter().map(|(k, v)| format!("{}:{}", Value::from(*k), text(v))).collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }

    /// Documents built from the keys the paths use, so that paths are often hit.
    pub(crate) fn node() -> impl Strategy<Value = Node> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-z\"\\\\é]{0,6}".prop_map(Value::from),
        ]
        .prop_map(Node::Leaf);
        leaf.prop_recursive(4, 32, 6, |inner| {
            let key = prop::sample::select(vec![
                "code", "error", "message", "retry", "errors", "details", "reason", "grid", "field", "z",
            ]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Array),
                prop::collection::vec((key, inner), 0..5).prop_map(Node::Object),
            ]
        })
    }

    #[test]
    fn through_an_array_the_first_element_that_has_the_fact_gives_it() {
        let body = r#"{"errors": [{"code": {}}, {"field": "x"}, {"code": "b"}, {"code": "c"}],
            "error": {"details": [{"@type": "Info", "reason": 7}]}, "grid": [[], [null, "g"]]}"#;
        let found = by_value(body).unwrap();
        // Through `[*]` too, the first element that has the fact gives it.
        let expected = [Some(Value::from("b")), Some(Value::from(7)), Some(Value::from("g")), Some(Value::from("x"))];
        assert_eq!(found[5..], expected);
        for decoded in decoded(body).into_iter().flatten() {
            assert_eq!(decoded, found);
        }
        // A repeated key inside an element replaces what that key held, not what an earlier
        // element gave.
        let repeated = r#"{"errors": [{"code": "a"}, {"code": "b", "code": "c"}]}"#;
        assert_eq!(by_value(repeated).unwrap()[5], Some(Value::from("a")));
        assert_eq!(decoded(repeated)[0].as_ref().unwrap()[5], Some(Value::from("a")));
    }

    proptest! {
        #[test]
        fn the_tee_agrees_with_a_value_on_any_json(node in node()) {
            let text = text(&node);
            let [ignoring, reading, typed] = decoded(&text);
            prop_assert_eq!(&ignoring, &by_value(&text), "{}", text);
            prop_assert_eq!(&reading, &by_value(&text), "{}", text);
            // The struct refuses some documents; what it accepts, it reads the same.
            if typed.is_some() {
                prop_assert_eq!(&typed, &by_value(&text), "{}", text);
            }
        }
    }
}
