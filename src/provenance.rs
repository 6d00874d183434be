//! Attributions → the provenance graph: sources as entities with aliases,
//! each claim linked to its chain of sources (originator first, through
//! relays and venues, up to the publisher), and each claim's status.
//!
//! Resolution follows the article in reading order, so that "he", "the
//! company" and "Gur chief" mean whoever the article has introduced so far.

use std::borrow::Cow;
use std::collections::BinaryHeap;

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::FxBuildHasher;

use crate::attribution::{Attribution, AttributionKind, Phrase, Reader, SourceKind, SourcePhrase};
use crate::grammar::{Grammar, Kind};
use crate::segment::{BlockKind, Segmentation};
use crate::span::Span;
use crate::swar::{chunk_at, upper_bits, HIGH, ONES};

pub type EntityId = usize;

/// A source: one person, organisation, outlet, document or group, under
/// every name the article gives it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest form in the article.
    pub name: String,
    /// Other forms, as written ("Budanov", "Gur chief", "the KCNA agency").
    pub aliases: Vec<String>,
    pub kind: SourceKind,
    pub role: Option<String>,
    /// Where the keys of the name's words are in [`Registry::name_words`].
    words: Run,
    /// The key of the lowercased name (set by [`Registry::index_name`]).
    name_key: Key,
    /// The keys of the lowercased aliases, in their order (kept by
    /// [`Registry::add_alias`]).
    alias_keys: Vec<Key>,
    role_words: Vec<Key>,
    /// The kind comes from evidence (a title, an organisation noun), not a guess.
    sure: bool,
    last_seen: usize,
}

/// Where a list of keys is in a longer one, as `start..end`.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

impl Run {
    fn len(self) -> usize {
        self.end - self.start
    }

    /// The keys of this run of `all`.
    fn of(self, all: &[Key]) -> &[Key] {
        &all[self.start..self.end]
    }
}

impl Entity {
    /// The name or an alias, lowercased, is the text of `key`. Compared by
    /// key, not by lowercasing each of them again: an entity that a long
    /// text names often has many aliases, a lowercased copy each that is
    /// not ASCII, and every mention of it looked at them all.
    fn matches_name(&self, key: Key) -> bool {
        self.name_key == key || self.alias_keys.contains(&key)
    }

    /// The first alias whose lowercased text is that of `key`.
    fn alias_of_key(&self, key: Key) -> Option<&str> {
        let k = self.alias_keys.iter().position(|&a| a == key)?;
        Some(&self.aliases[k])
    }
}

/// A proper name to find or register.
#[derive(Debug, Clone, Copy)]
pub struct NameRef<'a> {
    pub name: &'a str,
    pub kind: SourceKind,
    /// The kind comes from evidence, not a guess.
    pub sure: bool,
    pub role: Option<&'a str>,
    /// The phrase as written, kept as an alias when it differs.
    pub raw: &'a str,
    /// Only find, never create (a capitalised word opening a sentence).
    pub weak: bool,
}

impl<'a> NameRef<'a> {
    fn publisher(name: &'a str) -> NameRef<'a> {
        NameRef {
            name,
            kind: SourceKind::Media,
            sure: true,
            role: None,
            raw: name,
            weak: false,
        }
    }
}

/// A description to resolve ("the company", "Gur chief").
#[derive(Debug, Clone, Copy)]
struct Desc<'a> {
    head: &'a str,
    modifiers: &'a [String],
    text: &'a str,
    kind: SourceKind,
    definite: bool,
}

/// All entities of one article.
///
/// Lookups go through indexes, so that resolving a mention costs the same
/// in a long archive as in a short article: lowercased names and aliases,
/// name words, first name words and role words each map to the entities
/// that carry them, and a heap per pronoun class gives the most recent
/// entity of that class. Names and words are interned as [`Key`]s, so that
/// a word is hashed once however many indexes it goes into, and the words
/// of two names compare as integers. The indexes are append-only and may hold stale
/// entries (a name that became an alias, a kind that changed), so every
/// candidate is checked against the entity as it is now; every change to
/// an entity goes through the methods below, which keep them complete.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    keys: Keys,
    by_name: Index,
    by_word: Index,
    by_first: Index,
    by_role: Index,
    /// (last seen, id) of the entities of each [`Recency`] class.
    recent: [Recent; Recency::ALL.len()],
    /// A buffer for lowercased names, reused so that a lookup does not allocate.
    lower: Vec<u8>,
    /// The words of `lower`, when ASCII (see [`ascii_word_spans`]).
    spans: Vec<(usize, usize)>,
    /// Per key, how many words its text has once counted (`u32::MAX`
    /// before; see [`Registry::named`]).
    word_counts: Vec<u32>,
    /// The keys of the words of every entity's name, one run after another
    /// (see [`Entity::words`]), and at the end those of the name being
    /// looked up. A list of its own for each was an allocation and a free,
    /// for each entity and for each name looked up by its words (some
    /// 40,000 on 924 articles). A name's run replaced by a fuller form's
    /// stays behind, unused.
    name_words: Vec<Key>,
}

/// A max-heap of (last seen, id): the same greatest element and the same
/// pops as a [`BinaryHeap`]. Entities are mostly seen in text order, so
/// most pushes are the greatest yet: those go on the end of a sorted list
/// (no sifting up a heap that holds every sighting), and the few others
/// into a heap beside it.
#[derive(Debug, Clone, Default)]
struct Recent {
    sorted: Vec<(usize, EntityId)>,
    rest: BinaryHeap<(usize, EntityId)>,
}

impl Recent {
    #[inline]
    fn push(&mut self, item: (usize, EntityId)) {
        if self.sorted.last().is_none_or(|&last| last <= item) {
            self.sorted.push(item);
        } else {
            self.rest.push(item);
        }
    }

    fn peek(&self) -> Option<&(usize, EntityId)> {
        match (self.sorted.last(), self.rest.peek()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    fn pop(&mut self) -> Option<(usize, EntityId)> {
        match (self.sorted.last(), self.rest.peek()) {
            (Some(a), Some(b)) if b > a => self.rest.pop(),
            (Some(_), _) => self.sorted.pop(),
            (None, _) => self.rest.pop(),
        }
    }
}

/// An interned lowercased name or name word (see [`Keys`]).
type Key = u32;

/// Every lowercased name and name word of an article, interned.
///
/// The texts are kept one after another in one buffer rather than each in
/// a `String` of its own: an article has a few hundred of them, and a key
/// of its own was an allocation (and a free) each. The table is looked up
/// with the text's hash and compared against its text in `text`. Texts are
/// bytes (of UTF-8), as [`lower_into`] makes them.
#[derive(Debug, Clone, Default)]
struct Keys {
    text: Vec<u8>,
    /// Where key `k` ends in `text`; it starts where `k - 1` ends.
    ends: Vec<usize>,
    table: HashTable<Key>,
}

fn key_hash(key: &[u8]) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// The text of key `k` (of the [`Keys`] with these fields).
#[inline]
fn key_text<'k>(text: &'k [u8], ends: &[usize], k: Key) -> &'k [u8] {
    let k = k as usize;
    let start = if k == 0 { 0 } else { ends[k - 1] };
    &text[start..ends[k]]
}

impl Keys {
    fn reserve(&mut self, n: usize) {
        let Keys { text, ends, table } = self;
        table.reserve(n, |&k| key_hash(key_text(text, ends, k)));
        ends.reserve(n);
        // Names and name words average under eight bytes: room for the
        // texts too, which otherwise grew (and were copied) a few times
        // per article.
        text.reserve(8 * n);
    }

    fn text(&self, k: Key) -> &[u8] {
        key_text(&self.text, &self.ends, k)
    }

    /// The key of `s`, if it has one.
    fn get(&self, s: &[u8]) -> Option<Key> {
        self.table
            .find(key_hash(s), |&k| self.text(k) == s)
            .copied()
    }

    /// The key of `s`, made if it has none yet.
    fn intern(&mut self, s: &[u8]) -> Key {
        let Keys { text, ends, table } = self;
        let entry = table.entry(
            key_hash(s),
            |&k| key_text(text, ends, k) == s,
            |&k| key_hash(key_text(text, ends, k)),
        );
        match entry {
            Entry::Occupied(o) => *o.get(),
            Entry::Vacant(v) => {
                let k = ends.len() as Key;
                text.extend_from_slice(s);
                ends.push(text.len());
                v.insert(k);
                k
            }
        }
    }
}

/// Key → the entities that carry it.
#[derive(Debug, Clone, Default)]
struct Index {
    by_key: Vec<Option<Ids>>,
}

impl Index {
    fn reserve(&mut self, n: usize) {
        self.by_key.reserve(n);
    }

    fn get(&self, key: Key) -> Option<&Ids> {
        self.by_key.get(key as usize)?.as_ref()
    }

    #[inline]
    fn add(&mut self, key: Key, id: EntityId) {
        let k = key as usize;
        // Keys come one at a time, so this is mostly one push: `resize`
        // (cloning its value) was a call per new key, and `resize_with` a
        // loop of its own around the one slot.
        while self.by_key.len() <= k {
            self.by_key.push(None);
        }
        match &mut self.by_key[k] {
            Some(ids) => {
                // Repeats are harmless (candidates are checked); this keeps the common one out.
                if ids.last() != id {
                    ids.rest.push(id);
                }
            }
            none => {
                *none = Some(Ids {
                    first: id,
                    rest: Vec::new(),
                })
            }
        }
    }
}

/// The entities under one index key, in the order they were added. Most
/// keys belong to one entity, which is kept inline: no list is allocated
/// until a second one comes.
#[derive(Debug, Clone)]
struct Ids {
    first: EntityId,
    rest: Vec<EntityId>,
}

impl Ids {
    fn last(&self) -> EntityId {
        self.rest.last().copied().unwrap_or(self.first)
    }

    fn iter(&self) -> IdsIter<'_> {
        Some(&self.first).into_iter().chain(self.rest.iter())
    }
}

/// `buf` becomes the bytes of `s.to_lowercase()` (without allocating for
/// ASCII text once `buf` is large enough). Says whether `s` is ASCII.
///
/// ASCII text is copied and lowercased eight bytes at a time (what is not
/// ASCII is seen on the way, and lowercased again as Unicode): a name is a
/// word or two, which a byte at a time cost about five instructions a byte,
/// with a check for ASCII and a call to `memcpy` before.
fn lower_into(buf: &mut Vec<u8>, s: &str) -> bool {
    buf.clear();
    let bytes = s.as_bytes();
    let mut any = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The last word is padded (see `chunk_at`) and cut back.
        let w = chunk_at(bytes, i);
        any |= w;
        buf.extend_from_slice(&ascii_lowercase(w).to_le_bytes());
        i += 8;
    }
    buf.truncate(bytes.len());
    let ascii = any & HIGH == 0;
    if !ascii {
        buf.clear();
        buf.extend_from_slice(s.to_lowercase().as_bytes());
    }
    ascii
}

/// The eight bytes of `w` with `A`–`Z` lowercased.
fn ascii_lowercase(w: u64) -> u64 {
    w | (upper_bits(w) >> 2)
}

/// The classes of entity that pronouns and bare descriptions refer back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recency {
    /// A sure person: "he", "the dictator".
    Person,
    /// A sure group: "they".
    Group,
    /// A sure organisation, outlet, country or document: "it".
    Thing,
    /// A sure organisation: "the company" (the publisher, an outlet, never is).
    Org,
    /// A sure outlet: "the newspaper".
    Media,
}

impl Recency {
    const ALL: [Recency; 5] = [
        Recency::Person,
        Recency::Group,
        Recency::Thing,
        Recency::Org,
        Recency::Media,
    ];

    fn holds(self, e: &Entity) -> bool {
        e.sure && self.has(e.kind)
    }

    /// A sure entity of this kind is in this class.
    const fn has(self, kind: SourceKind) -> bool {
        use SourceKind as K;
        match self {
            Recency::Person => matches!(kind, K::Person),
            Recency::Group => matches!(
                kind,
                K::Organisation | K::Media | K::Country | K::Vague | K::Anonymous
            ),
            Recency::Thing => matches!(kind, K::Organisation | K::Media | K::Country | K::Document),
            Recency::Org => matches!(kind, K::Organisation),
            Recency::Media => matches!(kind, K::Media),
        }
    }

    /// The classes `e` is in, bit `k` for `ALL[k]`: looked up by kind, not
    /// tested class by class each time an entity is seen.
    fn classes_of(e: &Entity) -> u8 {
        const BY_KIND: [u8; 7] = {
            use SourceKind as K;
            let kinds = [
                K::Person,
                K::Organisation,
                K::Media,
                K::Document,
                K::Country,
                K::Vague,
                K::Anonymous,
            ];
            let mut t = [0u8; 7];
            let mut i = 0;
            while i < kinds.len() {
                let mut k = 0;
                while k < Recency::ALL.len() {
                    if Recency::ALL[k].has(kinds[i]) {
                        t[kinds[i] as usize] |= 1 << k;
                    }
                    k += 1;
                }
                i += 1;
            }
            t
        };
        if e.sure {
            BY_KIND[e.kind as usize]
        } else {
            0
        }
    }
}

type IdsIter<'a> =
    std::iter::Chain<std::option::IntoIter<&'a EntityId>, std::slice::Iter<'a, EntityId>>;

/// The entities under `key` in `index`. The same iterator as one key's
/// [`Ids::iter`], empty for no key: a lookup per name mention, where a
/// flattened `Option` cost more than the few candidates it gave.
fn index_get(index: &Index, key: Option<Key>) -> IdsIter<'_> {
    match key.and_then(|k| index.get(k)) {
        Some(ids) => ids.iter(),
        None => None.into_iter().chain([].iter()),
    }
}

fn is_word_break(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || c == ','
}

/// [`is_word_break`] on ASCII text, byte by byte.
const fn is_ascii_word_break(b: u8) -> bool {
    // `char::is_whitespace` of ASCII: space and `\t` to `\r`.
    matches!(b, b' ' | b'\t'..=b'\r' | b'(' | b')' | b',')
}

/// How many words [`words_of_any`] gives, without making them.
fn word_count(s: &str) -> usize {
    s.split(is_word_break).filter(|w| !w.is_empty()).count()
}

/// Where the words of lowercased ASCII text are, as `(start, end)` into
/// it: the words [`words_of_any`] gives, `norm` being ASCII lowercasing,
/// which keeps lengths. Split on bytes: in ASCII text every byte is a
/// character, so this skips the decoding a `char` split does. And as the
/// text is lowercased once for all its words, a name already lowercased to
/// be looked up is split without a second copy.
fn ascii_word_spans(lower: &[u8], spans: &mut Vec<(usize, usize)>) {
    spans.clear();
    let b = lower;
    let mut start = 0;
    loop {
        let end = next_ascii_break(b, start);
        // No word between two breaks; a word trimmed to nothing is kept.
        if end > start {
            let mut keep = end;
            // Only a word that ends in "s" or "'" has anything to cut: one
            // test for most, before the loops.
            if matches!(b[end - 1], b's' | b'\'') {
                while keep >= start + 2 && &b[keep - 2..keep] == b"'s" {
                    keep -= 2;
                }
                while keep > start && b[keep - 1] == b'\'' {
                    keep -= 1;
                }
            }
            spans.push((start, keep));
        }
        if end == b.len() {
            break;
        }
        start = end + 1;
    }
}

/// The first word break in ASCII text `b` from `from`, or its end. Eight
/// bytes at a time, to the bytes below `-` (every break is one, and in a
/// name few others are), each of which the table says is a break or not:
/// a byte at a time by table was a few instructions a byte.
fn next_ascii_break(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() {
        let w = chunk_at(b, i);
        // The high bit of each byte below `-`: with the high bits set
        // first, no byte's difference borrows from the next one (ASCII).
        let mut below = !((w | HIGH) - ONES * u64::from(b'-')) & HIGH;
        while below != 0 {
            let at = i + (below.trailing_zeros() / 8) as usize;
            // Past the end are the padding's spaces.
            if at >= b.len() {
                return b.len();
            }
            if ASCII_WORD_BREAK[usize::from(b[at])] {
                return at;
            }
            below &= below - 1;
        }
        i += 8;
    }
    b.len()
}

/// [`is_ascii_word_break`] of every byte.
static ASCII_WORD_BREAK: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_ascii_word_break(b as u8);
        b += 1;
    }
    t
};

/// The words of `s`: split at whitespace, brackets and commas, normalised
/// ([`crate::grammar::norm`]), with any trailing `'s` and `'` cut.
fn words_of_any(s: &str) -> Vec<String> {
    s.split(is_word_break)
        .filter(|w| !w.is_empty())
        .map(|w| {
            let n = crate::grammar::norm(w);
            // `trim_end_matches("'s")`, then `trim_end_matches('\'')`.
            let mut t = n.as_ref();
            while let Some(rest) = t.strip_suffix("'s") {
                t = rest;
            }
            let keep = t.trim_end_matches('\'').len();
            match n {
                // A lowercased copy already made is kept (cut to the trimmed length).
                Cow::Owned(mut o) => {
                    o.truncate(keep);
                    o
                }
                Cow::Borrowed(b) => b[..keep].to_string(),
            }
        })
        .collect()
}

/// `needle` is a run of `hay`. The keys of a window are compared one by one
/// up to the first that differs: a comparison of two slices is a call to
/// `memcmp`, dear for the word or two of a name, and in a long text the
/// entities sharing a common name word are each tested at every mention of
/// a new name.
fn contains_seq(hay: &[Key], needle: &[Key]) -> bool {
    !needle.is_empty()
        && needle.len() <= hay.len()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| a == b))
}

impl Registry {
    /// Room in each index for about `n` keys, so that a short article's
    /// indexes do not grow key by key.
    fn reserve(&mut self, n: usize) {
        // Names, aliases and words: about four keys (with two, half the
        // articles grew the table once).
        self.keys.reserve(4 * n);
        // The indexes are by key, so each reaches about as far as the keys.
        for index in [
            &mut self.by_name,
            &mut self.by_word,
            &mut self.by_first,
            &mut self.by_role,
        ] {
            index.reserve(4 * n);
        }
        // Counted per key, as far as the keys reach.
        self.word_counts.reserve(4 * n);
        // A word or two for each entity.
        self.name_words.reserve(4 * n);
        // The buffers a name is lowercased and split into, with room for a
        // long name: grown from nothing, they were reallocated a few times
        // an article.
        self.lower.reserve(64);
        self.spans.reserve(8);
        // Entities are created and seen at about a sentence's rate, mostly
        // in text order (onto the sorted lists). (An entity is large: each
        // growth of the list was a copy of all of them, and with room for
        // `n` about one article in the corpus in two grew it once.)
        self.entities.reserve(2 * n);
        for r in &mut self.recent {
            r.sorted.reserve(n);
        }
    }

    fn add_alias(&mut self, id: EntityId, alias: &str) {
        let e = &mut self.entities[id];
        // Most aliases start and end with an ASCII byte that is no
        // whitespace: nothing to trim, and no `char` decoded to see so.
        let plain =
            |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r'));
        let bytes = alias.as_bytes();
        let a = if plain(bytes.first()) && plain(bytes.last()) {
            alias
        } else {
            alias.trim()
        };
        if !a.is_empty() && a != e.name && !e.aliases.iter().any(|x| x == a) {
            if e.aliases.is_empty() {
                // Most entities with an alias have one or two: room made at
                // once, not by the slow path that grows an empty list.
                e.aliases = Vec::with_capacity(2);
                e.alias_keys = Vec::with_capacity(2);
            }
            e.aliases.push(a.to_string());
            lower_into(&mut self.lower, a);
            let key = self.keys.intern(&self.lower);
            self.entities[id].alias_keys.push(key);
            self.by_name.add(key, id);
        }
    }

    /// Indexes the name and name words of entity `id` (after a change);
    /// `key` is its name's, if the caller has it.
    fn index_name(&mut self, id: EntityId, key: Option<Key>) {
        let e = &self.entities[id];
        let key = key.unwrap_or_else(|| {
            lower_into(&mut self.lower, &e.name);
            self.keys.intern(&self.lower)
        });
        self.by_name.add(key, id);
        self.entities[id].name_key = key;
        let words = self.entities[id].words.of(&self.name_words);
        for &w in words {
            self.by_word.add(w, id);
        }
        if let Some(&w) = words.first() {
            self.by_first.add(w, id);
        }
    }

    /// Records entity `id` in the recency heap of every class it is in
    /// (after its last sighting, kind or sureness changed).
    fn index_recency(&mut self, id: EntityId) {
        let e = &self.entities[id];
        let item = (e.last_seen, id);
        let mut classes = Recency::classes_of(e);
        while classes != 0 {
            let k = classes.trailing_zeros() as usize;
            classes &= classes - 1;
            self.recent[k].push(item);
        }
    }

    /// The most recently seen entity of a class (the highest id on a tie).
    fn most_recent_of(&mut self, class: Recency) -> Option<EntityId> {
        let k = class as usize;
        while let Some(&(seen, id)) = self.recent[k].peek() {
            let e = &self.entities[id];
            if e.last_seen == seen && class.holds(e) {
                return Some(id);
            }
            self.recent[k].pop();
        }
        None
    }

    /// Of the candidates that pass `want`, the one with the greatest key.
    fn best_of<'c, K: Ord>(
        &self,
        candidates: impl IntoIterator<Item = &'c EntityId>,
        want: impl Fn(&Entity) -> bool,
        key: impl Fn(EntityId, &Entity) -> K,
    ) -> Option<EntityId> {
        candidates
            .into_iter()
            .copied()
            .filter(|&i| want(&self.entities[i]))
            .max_by_key(|&i| key(i, &self.entities[i]))
    }

    fn touch(&mut self, id: EntityId, at: usize) -> EntityId {
        if self.entities[id].last_seen != at {
            self.entities[id].last_seen = at;
            self.index_recency(id);
        }
        id
    }

    fn create(
        &mut self,
        name: &str,
        kind: SourceKind,
        role: Option<&str>,
        sure: bool,
        at: usize,
    ) -> EntityId {
        let words = self.push_words(name);
        self.create_with_words(name.to_string(), None, words, kind, role, sure, at)
    }

    /// The keys of the words of `s` (see [`words_of_any`]).
    fn words_of(&mut self, s: &str) -> Vec<Key> {
        let run = self.push_words(s);
        self.name_words.split_off(run.start)
    }

    /// Appends the keys of the words of `s` to `name_words`.
    fn push_words(&mut self, s: &str) -> Run {
        let start = self.name_words.len();
        if s.is_ascii() {
            lower_into(&mut self.lower, s);
            ascii_word_spans(&self.lower, &mut self.spans);
            self.push_span_keys();
        } else {
            for w in words_of_any(s) {
                let k = self.keys.intern(w.as_bytes());
                self.name_words.push(k);
            }
        }
        Run {
            start,
            end: self.name_words.len(),
        }
    }

    /// Appends the keys of the words `spans` marks in `lower` to `name_words`.
    fn push_span_keys(&mut self) {
        let Registry {
            keys,
            lower,
            spans,
            name_words,
            ..
        } = self;
        name_words.extend(spans.iter().map(|&(a, b)| keys.intern(&lower[a..b])));
    }

    /// [`Registry::create`] with the name's words already split (the last
    /// run of `name_words`), and its key made if `name_key` is given.
    #[allow(clippy::too_many_arguments)]
    fn create_with_words(
        &mut self,
        name: String,
        name_key: Option<Key>,
        words: Run,
        kind: SourceKind,
        role: Option<&str>,
        sure: bool,
        at: usize,
    ) -> EntityId {
        let role_words = role.map(|r| self.words_of(r)).unwrap_or_default();
        self.entities.push(Entity {
            name,
            aliases: Vec::new(),
            alias_keys: Vec::new(),
            kind,
            role: role.map(str::to_string),
            words,
            // Set as the name is indexed, below.
            name_key: Key::MAX,
            role_words,
            sure,
            last_seen: at,
        });
        let id = self.entities.len() - 1;
        self.index_name(id, name_key);
        for &w in &self.entities[id].role_words {
            self.by_role.add(w, id);
        }
        self.index_recency(id);
        id
    }

    fn set_role(&mut self, id: EntityId, role: Option<&str>) {
        if let Some(r) = role {
            let e = &mut self.entities[id];
            // The words of the role it has were indexed when it was given.
            if e.role.as_deref() == Some(r) {
                return;
            }
            if e.role.as_ref().is_none_or(|old| old.len() < r.len()) {
                e.role = Some(r.to_string());
            }
            // The role's words are put on the end of `name_words` only to be
            // read, and cut off after.
            let words = self.push_words(r);
            for k in words.start..words.end {
                let w = self.name_words[k];
                if !self.entities[id].role_words.contains(&w) {
                    self.by_role.add(w, id);
                    self.entities[id].role_words.push(w);
                }
            }
            self.name_words.truncate(words.start);
        }
    }

    /// How many words the text of `key` has, if counted before.
    fn counted_words(&self, key: Option<Key>) -> Option<usize> {
        let n = *self.word_counts.get(key? as usize)?;
        (n != u32::MAX).then_some(n as usize)
    }

    fn count_words(&mut self, key: Key, n: usize) {
        let k = key as usize;
        if self.word_counts.len() <= k {
            self.word_counts.resize(k + 1, u32::MAX);
        }
        self.word_counts[k] = u32::try_from(n).unwrap_or(u32::MAX);
    }

    /// Whether the first word `spans` marks in `lower` has a key; `name_key`
    /// is the key of `lower` itself, which is that word's when the word is
    /// all of it.
    fn first_word_is_key(&self, name_key: Option<Key>) -> bool {
        match self.spans.first() {
            Some(&(0, end)) if end == self.lower.len() => name_key.is_some(),
            Some(&(a, b)) => self.keys.get(&self.lower[a..b]).is_some(),
            None => false,
        }
    }

    /// Finds or creates the entity for a proper name. `weak` mentions (a
    /// capitalised word opening a sentence) only find, never create.
    pub fn named(&mut self, n: NameRef<'_>, at: usize) -> Option<EntityId> {
        let NameRef {
            name,
            kind,
            sure,
            role,
            raw,
            weak,
        } = n;
        // `lower` holds the lowercased name to the end: an ASCII name is
        // split into words there, and a new entity's name key is its text.
        let ascii = lower_into(&mut self.lower, name);
        let lower = self.lower.as_slice();
        let name_key = self.keys.get(lower);
        // The most recently seen match; on a tie, the oldest entity.
        let recency = |i: EntityId, e: &Entity| (e.last_seen, std::cmp::Reverse(i));
        let by_name = self.best_of(
            index_get(&self.by_name, name_key),
            |e| name_key.is_some_and(|k| e.matches_name(k)),
            recency,
        );
        // An entity found under its own name (not an alias: its name's key
        // is this one) has the words of this name, as many (lowercasing
        // moves no word break): it is no fuller form, and the name need not
        // be split into words.
        let n_words = match by_name {
            Some(id) if Some(self.entities[id].name_key) == name_key => {
                // What this rests on, checked where tests run in debug.
                debug_assert_eq!(self.entities[id].words.len(), word_count(name), "{name:?}");
                self.entities[id].words.len()
            }
            // Found under an alias, as most later mentions of a name are
            // ("Trump" after "Donald Trump"): the words are wanted only if
            // this is a fuller form, which the count of an alias key seen
            // before tells (a key's text has the same words whoever it names).
            Some(id)
                if ascii
                    && self
                        .counted_words(name_key)
                        .is_some_and(|n| n <= self.entities[id].words.len()) =>
            {
                let n = self.counted_words(name_key).expect("checked");
                debug_assert_eq!(n, word_count(name), "{name:?}");
                n
            }
            _ if ascii => {
                ascii_word_spans(&self.lower, &mut self.spans);
                if let Some(k) = name_key {
                    self.count_words(k, self.spans.len());
                }
                self.spans.len()
            }
            _ => word_count(name),
        };
        // The words are needed only to search by word, to see whether this is
        // a fuller form of the name found, or to create an entity.
        let fuller = |id: EntityId| n_words > self.entities[id].words.len();
        if weak
            && by_name.is_none()
            && ascii
            && self.spans.len() == 1
            && !self.first_word_is_key(name_key)
        {
            // A weak mention only finds, and by its one word only an entity
            // whose words hold it: none does when the word is no key (yet).
            // Most are a sentence's first word, which names no one.
            return None;
        }
        // An ASCII name that is one word, with nothing trimmed off it, has
        // that word's key as its own (`lower` is both): looked up once,
        // not hashed again as a word, nor as the name of a new entity.
        let mut one_word_key = None;
        // The words go on the end of `name_words`, where they stay if they
        // become an entity's and are cut off if not.
        let start = self.name_words.len();
        match by_name {
            Some(id) if !fuller(id) => {}
            _ if ascii => {
                let one_word = self.spans[..] == [(0, self.lower.len())];
                match name_key {
                    Some(k) if one_word => self.name_words.push(k),
                    _ => self.push_span_keys(),
                }
                if one_word {
                    one_word_key = Some(self.name_words[start]);
                }
            }
            _ => {
                self.push_words(name);
            }
        }
        let run = Run {
            start,
            end: self.name_words.len(),
        };
        let all_words = &self.name_words;
        let words = run.of(all_words);
        let found = by_name.or_else(|| {
            // Only entities sharing a word can match: those holding the
            // first word, or whose first word is one of the words.
            let holding_first = words
                .first()
                .into_iter()
                .flat_map(|&w| index_get(&self.by_word, Some(w)));
            let first_among = words
                .iter()
                .filter(|_| words.len() > 1)
                .flat_map(|&w| index_get(&self.by_first, Some(w)));
            self.best_of(
                holding_first.chain(first_among),
                |e| {
                    if matches!(
                        e.kind,
                        SourceKind::Vague | SourceKind::Anonymous | SourceKind::Document
                    ) {
                        return false;
                    }
                    let e_words = e.words.of(all_words);
                    if words.len() == 1 {
                        // A surname or a short form: "Budanov", "Velto", "Kim".
                        e_words.len() > 1
                            && e_words.contains(&words[0])
                            && (e.kind == SourceKind::Person || e_words[0] == words[0])
                    } else {
                        contains_seq(e_words, words) || contains_seq(words, e_words)
                    }
                },
                recency,
            )
        });
        match found {
            Some(id) => {
                let e = &self.entities[id];
                if n_words > e.words.len() && contains_seq(words, e.words.of(all_words)) {
                    // A fuller form: it becomes the canonical name.
                    let old =
                        std::mem::replace(&mut self.entities[id].name, clean(name).into_owned());
                    self.entities[id].words = run;
                    self.index_name(id, None);
                    self.add_alias(id, &old);
                } else {
                    self.name_words.truncate(start);
                    let e = &self.entities[id];
                    // Most later mentions of a name are an alias written
                    // the same way ("Trump" after "Donald Trump"): told by
                    // the alias of this key, not by comparing the name with
                    // the text of every alias.
                    let known = name_key.is_some_and(|k| e.alias_of_key(k) == Some(name));
                    if name != e.name && !known {
                        self.add_alias(id, name);
                    }
                }
                if keep_raw_alias(raw, name) && !same_lowercase(raw, &self.entities[id].name) {
                    self.add_alias(id, raw);
                }
                if sure
                    && (!self.entities[id].sure
                        || self.entities[id].kind == SourceKind::Organisation
                            && kind == SourceKind::Person)
                {
                    self.entities[id].kind = kind;
                    self.entities[id].sure = true;
                    self.index_recency(id);
                }
                self.set_role(id, role);
                Some(self.touch(id, at))
            }
            None if weak => {
                self.name_words.truncate(start);
                None
            }
            None => {
                // `clean` only folds whitespace, so the words stay the same,
                // and a name it keeps is the one lowercased in `lower`.
                let cleaned = clean(name);
                let kept = match &cleaned {
                    Cow::Borrowed(_) => true,
                    // Only ASCII is borrowed: a name that is not may be kept too.
                    Cow::Owned(c) => c == name,
                };
                let key = kept.then(|| {
                    name_key
                        .or(one_word_key)
                        .unwrap_or_else(|| self.keys.intern(&self.lower))
                });
                let id =
                    self.create_with_words(cleaned.into_owned(), key, run, kind, role, sure, at);
                if keep_raw_alias(raw, name) {
                    self.add_alias(id, raw);
                }
                Some(id)
            }
        }
    }

    /// Resolves a description: "Gur chief" to the entity whose role says so,
    /// "the company" to the last organisation, "the airport" to the entity
    /// named for it; otherwise the description is a source of its own.
    fn descriptor(&mut self, d: Desc<'_>, at: usize, g: &Grammar) -> EntityId {
        let Desc {
            head,
            modifiers,
            text,
            kind,
            definite,
        } = d;
        lower_into(&mut self.lower, text);
        let key = self.keys.get(&self.lower);
        // The first entity of that name.
        if let Some(id) = self.best_of(
            index_get(&self.by_name, key),
            |e| key.is_some_and(|k| e.matches_name(k)),
            |i, _| std::cmp::Reverse(i),
        ) {
            return self.touch(id, at);
        }
        // No entity has a word that is no key.
        let head_key = self.keys.get(head.as_bytes());
        let found = match kind {
            SourceKind::Person => {
                // Role match: every capitalised modifier and the head in the role.
                let best = self.best_of(
                    index_get(&self.by_role, head_key),
                    |e| {
                        e.kind == SourceKind::Person
                            && head_key.is_some_and(|h| e.role_words.contains(&h))
                    },
                    |i, e| {
                        (
                            modifiers
                                .iter()
                                .filter(|m| {
                                    self.keys
                                        .get(m.as_bytes())
                                        .is_some_and(|m| e.role_words.contains(&m))
                                })
                                .count(),
                            e.last_seen,
                            i,
                        )
                    },
                );
                best.or_else(|| {
                    // A definite description of a leader or official refers back
                    // to the last person the article named.
                    if definite && g.word_tag(head, Kind::Title, "leader") {
                        self.most_recent_of(Recency::Person)
                    } else {
                        None
                    }
                })
            }
            SourceKind::Organisation | SourceKind::Media => {
                let named = self.best_of(
                    index_get(&self.by_word, head_key),
                    |e| {
                        head_key.is_some_and(|h| e.words.of(&self.name_words).contains(&h))
                            && !matches!(
                                e.kind,
                                SourceKind::Vague
                                    | SourceKind::Anonymous
                                    | SourceKind::Document
                                    | SourceKind::Person
                            )
                    },
                    |i, e| (e.last_seen, i),
                );
                named.or_else(|| {
                    if definite && modifiers.is_empty() && g.word_tag(head, Kind::Org, "generic") {
                        // "the company" is an organisation before it is an outlet
                        // (the publisher is an outlet too, and never "the company").
                        self.most_recent_of(if kind == SourceKind::Media {
                            Recency::Media
                        } else {
                            Recency::Org
                        })
                    } else {
                        None
                    }
                })
            }
            _ => None,
        };
        match found {
            Some(id) => {
                self.add_alias(id, text);
                self.touch(id, at)
            }
            None => self.create(text, kind, None, true, at),
        }
    }

    fn plain(&mut self, text: &str, kind: SourceKind, at: usize) -> EntityId {
        lower_into(&mut self.lower, text);
        let key = self.keys.get(&self.lower);
        match self.best_of(
            index_get(&self.by_name, key),
            |e| e.kind == kind && Some(e.name_key) == key,
            |i, _| std::cmp::Reverse(i),
        ) {
            Some(id) => self.touch(id, at),
            None => self.create(text, kind, None, true, at),
        }
    }

    fn pronoun(&mut self, tag: &str, at: usize) -> Option<EntityId> {
        let id = match tag {
            // "I", "we": the writer or the quoted speaker, standing as written.
            "speaker" => return None,
            "person" => self.most_recent_of(Recency::Person),
            "group" => self.most_recent_of(Recency::Group),
            _ => self.most_recent_of(Recency::Thing),
        }?;
        Some(self.touch(id, at))
    }

    /// "both clubs", "the two men": the two entities seen last before the
    /// phrase that its noun can stand for, the earlier first. An entity
    /// whose kind was a guess takes the noun's kind ("Dunmore Rovers …,
    /// both clubs confirmed" makes the name an organisation's).
    pub fn pair(
        &mut self,
        p: &SourcePhrase,
        text: &str,
        skip: Option<EntityId>,
    ) -> Option<[EntityId; 2]> {
        let kind = match &p.phrase {
            Phrase::Descriptor { kind, .. } => *kind,
            // "both men", "the two senators"
            Phrase::Anonymous(_) | Phrase::Vague(_) => SourceKind::Person,
            _ => return None,
        };
        let raw = p.span.slice(text).trim_start();
        let opens = |w: &str| {
            raw.get(..w.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
        };
        // (The span of "the two officials" may leave its article out.)
        let after_the = || {
            let before = text[..p.span.start].trim_end();
            let w = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            w.eq_ignore_ascii_case("the")
        };
        if !(opens("both ") || opens("the two ") || (opens("two ") && after_the())) {
            return None;
        }
        let at = p.tokens.start;
        let person = kind == SourceKind::Person;
        // A name read as a person's for having two words, with no title to
        // say so, may be a club's or a company's.
        let guessed_person = |e: &Entity| e.kind == SourceKind::Person && e.role.is_none();
        let fits = |e: &Entity| {
            !matches!(
                e.kind,
                SourceKind::Document | SourceKind::Vague | SourceKind::Anonymous
            ) && e.last_seen < at
                && if person {
                    // (A place is not told from a surname by its kind.)
                    e.kind == SourceKind::Person
                } else {
                    e.kind != SourceKind::Person || guessed_person(e)
                }
        };
        // (Rare enough a phrase for a walk over the entities.)
        let mut last_two: [Option<(usize, EntityId)>; 2] = [None, None];
        for (id, e) in self.entities.iter().enumerate() {
            if Some(id) == skip || !fits(e) {
                continue;
            }
            let item = Some((e.last_seen, id));
            if item > last_two[0] {
                last_two = [item, last_two[0]];
            } else if item > last_two[1] {
                last_two[1] = item;
            }
        }
        let [Some((_, later)), Some((_, earlier))] = last_two else {
            return None;
        };
        for id in [earlier, later] {
            let e = &mut self.entities[id];
            if !e.sure || (e.kind == SourceKind::Person) != person {
                e.kind = kind;
                e.sure = true;
            }
            e.last_seen = at;
            self.index_recency(id);
        }
        Some([earlier, later])
    }

    /// The entity a source phrase refers to.
    pub fn resolve(&mut self, p: &SourcePhrase, text: &str, g: &Grammar) -> Option<EntityId> {
        let at = p.tokens.start;
        let raw = crate::attribution::trim_phrase(p.span.slice(text));
        match &p.phrase {
            Phrase::Named { name, role, kind } => {
                let sure = role.is_some()
                    || *kind != SourceKind::Organisation
                    || name
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                self.named(
                    NameRef {
                        name,
                        kind: *kind,
                        sure,
                        role: role.as_deref(),
                        raw,
                        weak: false,
                    },
                    at,
                )
            }
            Phrase::Descriptor {
                head,
                modifiers,
                text: t,
                kind,
                definite,
            } => Some(self.descriptor(
                Desc {
                    head,
                    modifiers,
                    text: t,
                    kind: *kind,
                    definite: *definite,
                },
                at,
                g,
            )),
            // A pronoun with nothing before it to refer to is still someone
            // speaking on record; it stands as written.
            Phrase::Pronoun(tag) => self.pronoun(tag, at).or_else(|| {
                let kind = match *tag {
                    "person" | "speaker" => SourceKind::Person,
                    "group" => SourceKind::Vague,
                    _ => SourceKind::Organisation,
                };
                Some(self.plain(raw, kind, at))
            }),
            Phrase::Anonymous(t) => Some(self.plain(t, SourceKind::Anonymous, at)),
            Phrase::Vague(t) => Some(self.plain(t, SourceKind::Vague, at)),
            Phrase::Collective(t) => Some(self.plain(t, SourceKind::Media, at)),
        }
    }
}

/// The phrase as written is worth keeping as an alias when it is another way
/// of naming ("the KCNA agency"), not a title before the name ("Transport
/// campaigner Ruth Adeyemi").
fn keep_raw_alias(raw: &str, name: &str) -> bool {
    // A name mention passes its name as the phrase too: the same slice,
    // told at once rather than compared byte by byte (twice a mention).
    !raw.is_empty()
        && !std::ptr::eq(raw, name)
        && raw != name
        && !raw
            .trim_end_matches(['’', '\'', 's'])
            .ends_with(name.trim_end_matches(['’', '\'', 's']))
}

/// `a.to_lowercase() == b.to_lowercase()`, without the two copies when
/// both are ASCII (most are).
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// `s` with its whitespace folded to single spaces between words. Most
/// names are clean already (ASCII words split by single spaces): those are
/// borrowed, which also tells a caller they are kept as they are.
fn clean(s: &str) -> Cow<'_, str> {
    if is_clean(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether [`clean`] keeps `s` as it is: ASCII, with no whitespace but
/// single spaces between other bytes (the empty name is clean). Eight bytes
/// at a time: a byte at a time, the dozen bytes of a name cost about a
/// hundred instructions, for every new entity.
fn is_clean(s: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (s.first(), s.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // The high bit of the lowest byte: the byte before these eight is a space.
    let mut space_before = 0;
    let mut i = 0;
    while i < s.len() {
        // Past the end, the padding's spaces, which `real` masks off.
        let w = chunk_at(s, i);
        let real = match s.len() - i {
            n if n >= 8 => HIGH,
            n => HIGH & ((1 << (8 * n)) - 1),
        };
        // `\t` to `\r`, of the ASCII bytes: on seven bits no sum carries
        // into the next byte (see `upper_bits`).
        let low7 = w & (ONES * 0x7F);
        let other_space = (low7 + ONES * (0x80 - 0x09)) & !(low7 + ONES * (0x80 - 0x0E)) & !w;
        // The bytes that are a space, exactly (no borrow between bytes).
        let x = w ^ (ONES * u64::from(b' '));
        let space = !(((x & (ONES * 0x7F)) + ONES * 0x7F) | x) & HIGH;
        let doubled = space & ((space << 8) | space_before);
        if (w | other_space | doubled) & real != 0 {
            return false;
        }
        space_before = space >> 56;
        i += 8;
    }
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Attributed,
    Unattributed,
    Hearsay,
    /// Not a claim: a heading without a verb, a credit line.
    None,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Attributed => "attributed",
            Status::Unattributed => "unattributed",
            Status::Hearsay => "hearsay",
            Status::None => "none",
        }
    }

    pub fn is_flagged(self) -> bool {
        matches!(self, Status::Unattributed | Status::Hearsay)
    }
}

/// An attribution with its phrases resolved to entities.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub attribution: Attribution,
    pub source: Option<EntityId>,
    /// Who spoke together with the source ("the mayor and the governor").
    pub with: Option<EntityId>,
    pub venue: Option<EntityId>,
    pub origin: Option<EntityId>,
}

/// One claim: a sentence, who it is attributed to, and how we know.
#[derive(Debug, Clone)]
pub struct Claim {
    pub sentence: usize,
    /// Span in the analysed text.
    pub span: Span,
    pub status: Status,
    /// A stable code: named-source, orphan-quote, weasel, rumour, anonymous, relayed…
    pub reason: &'static str,
    pub sources: Vec<EntityId>,
    /// Originator first, publisher last.
    pub chain: Vec<EntityId>,
    pub attributions: Vec<Resolved>,
}

impl Claim {
    /// Attributes the claim to sources found outside its own sentence.
    fn attribute(&mut self, reason: &'static str, sources: Vec<EntityId>, chain: Vec<EntityId>) {
        self.status = Status::Attributed;
        self.reason = reason;
        self.sources = sources;
        self.chain = chain;
    }
}

/// The provenance of every claim in one text.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    pub registry: Registry,
    pub claims: Vec<Claim>,
    pub publisher: Option<EntityId>,
}

/// Builds the provenance graph of a segmented text.
pub fn build(text: &str, seg: &Segmentation, g: &Grammar) -> Provenance {
    let norms = crate::grammar::TokenWords::new(text, &seg.tokens, g);
    let mut prov = Provenance::default();
    // About one key per sentence in each index (new names come at about
    // that rate in news), up to a bound for long texts.
    prov.registry.reserve(seg.sentences.len().min(1 << 8));
    prov.publisher = publisher(text, seg, g, &mut prov.registry);
    // The speaker of the last direct quotation, with the claim whose chain
    // goes with it, per paragraph, and per quotation, for quotations that
    // carry on in the next sentence without a new attribution. (Lists by
    // index: in a map keyed by both, the inserts and its growth cost about
    // 0.4% of a run.) The chain is copied from its claim only when a
    // quotation carries on: a copy of it for the paragraph and each
    // quotation of every attributed sentence was an allocation each. (A
    // claim that speaks for later ones is attributed or a credit: no later
    // sentence changes its chain.)
    let mut paragraph_speaker: Vec<Option<(EntityId, usize)>> = vec![None; seg.paragraphs.len()];
    let mut quotation_speaker: Vec<Option<(EntityId, usize)>> = vec![None; seg.quotes.len()];
    // A quotation's speaker is asked for only by one that continues it (in
    // a later paragraph): in a text where none does, most texts, the
    // speakers are not recorded, a look at every quoted token of each
    // attributed sentence.
    let any_continued = seg.quotes.iter().any(|q| q.continues.is_some());
    let mut quote_of_claim: Vec<Option<usize>> = Vec::with_capacity(seg.sentences.len());
    // Content announced for what comes after ("Hewitt writes:"), with its
    // speaker, until the text passes it.
    let mut forward: Option<(Span, EntityId, Vec<EntityId>)> = None;
    // One claim per sentence.
    prov.claims.reserve_exact(seg.sentences.len());
    // Mentions and attribution sources in reading order, one sentence at a
    // time (the buffer is reused).
    // (Each of these three starts with room for a busy sentence: grown
    // from nothing, they were reallocated a few times an article.)
    let mut events: Vec<(usize, u8, usize)> = Vec::with_capacity(32);
    // The name mentions and the attributions of one sentence at a time
    // (reused too).
    let mut mentions = Vec::with_capacity(16);
    let mut attributions = Vec::with_capacity(8);
    // The verdicts of one sentence's attributions (reused too).
    let mut verdicts = Vec::with_capacity(8);
    // The colons of the text, in order: sentences come in order too, so
    // whether one holds a colon is a look at the next colon after its start.
    let mut colons = memchr::memchr_iter(b':', text.as_bytes()).peekable();
    // Which sentences have a quotation, found the same way.
    let mut quote_cursor = seg.quote_cursor();
    for (si, sentence) in seg.sentences.iter().enumerate() {
        let para = &seg.paragraphs[sentence.paragraph];
        while colons.next_if(|&c| c < sentence.span.start).is_some() {}
        let colon = colons.peek().is_some_and(|&c| c < sentence.span.end);
        // The sentence's first quoted token, if any.
        let first_quoted = quote_cursor.first_quoted(sentence.tokens.clone());
        let reader = Reader::new(text, seg, &norms, g, sentence.tokens.clone())
            .knowing_colon(colon)
            .knowing_quoted(first_quoted.is_some());
        reader.read_into(&mut attributions);
        reader.name_mentions_into(&mut mentions);
        // Walk mentions and attribution phrases in reading order. (The
        // attributions are moved, not cloned: a copy of every phrase's
        // strings cost more time than their spare capacity costs memory,
        // well under 1% of the peak on a 4 MB text.)
        let mut resolved: Vec<Resolved> = attributions
            .drain(..)
            .map(|attribution| Resolved {
                attribution,
                source: None,
                with: None,
                venue: None,
                origin: None,
            })
            .collect();
        // What starts at a token, in the order read there: a name mentioned,
        // a co-speaker ("the mayor" of "the mayor and the governor"), then
        // the source phrase.
        const MENTION: u8 = 0;
        const WITH: u8 = 1;
        const SOURCE: u8 = 2;
        events.clear();
        events.reserve(mentions.len() + resolved.len());
        for (k, m) in mentions.iter().enumerate() {
            events.push((m.tokens.start, MENTION, k));
        }
        for (k, r) in resolved.iter().enumerate() {
            if let Some(s) = &r.attribution.source {
                events.push((s.tokens.start, SOURCE, k));
            }
            if let Some(w) = &r.attribution.with {
                events.push((w.tokens.start, WITH, k));
            }
        }
        events.sort();
        for &(_, what, k) in &events {
            if what == MENTION {
                let m = &mentions[k];
                prov.registry.named(
                    NameRef {
                        name: m.name,
                        kind: m.kind,
                        sure: m.sure,
                        role: m.role,
                        raw: m.name,
                        weak: m.weak,
                    },
                    m.tokens.start,
                );
            } else {
                let a = &resolved[k].attribution;
                // "…, both clubs confirmed": the two named before.
                let pair = a
                    .source
                    .as_ref()
                    .filter(|_| what == SOURCE && a.with.is_none())
                    .and_then(|s| prov.registry.pair(s, text, prov.publisher));
                if let Some([earlier, later]) = pair {
                    resolved[k].with = Some(earlier);
                    resolved[k].source = Some(later);
                    continue;
                }
                let phrase = if what == SOURCE {
                    a.source.as_ref()
                } else {
                    a.with.as_deref()
                };
                let entity = phrase.and_then(|s| prov.registry.resolve(s, text, g));
                if what == SOURCE {
                    resolved[k].source = entity;
                } else {
                    resolved[k].with = entity;
                }
            }
        }
        for r in &mut resolved {
            let a = &r.attribution;
            r.venue = a
                .venue
                .as_ref()
                .and_then(|v| prov.registry.resolve(v, text, g));
            r.origin = a
                .origin
                .as_ref()
                .and_then(|v| prov.registry.resolve(v, text, g));
        }
        promote_document_venues(&mut resolved, &prov.registry);
        // The first quotation the sentence is in, if any, and the
        // sentence's tokens from the first quoted one on.
        let first_quote = first_quoted
            .and_then(|t| seg.token_quote[t])
            .map(|q| q as usize);
        let sentence_quotes =
            &seg.token_quote[first_quoted.unwrap_or(sentence.tokens.end)..sentence.tokens.end];
        let has_quote = first_quote.is_some();
        let mut claim = judge(
            si,
            sentence.span,
            para.kind,
            has_quote,
            resolved,
            &prov,
            &mut verdicts,
        );
        // A credit paragraph ("- Ana Lopes.") names the speaker of the
        // quotation before it: that quotation's claims are hers, and the
        // credit itself is no claim.
        let credited = claim.attributions.iter().find(|r| {
            r.source.is_some()
                && r.attribution
                    .content
                    .is_some_and(|c| c.end <= sentence.span.start)
        });
        if let Some((content, speaker)) =
            credited.and_then(|r| Some((r.attribution.content?, r.source?)))
        {
            for earlier in prov
                .claims
                .iter_mut()
                .rev()
                .take_while(|c| c.span.end > content.start)
            {
                if earlier.reason == "orphan-quote" && earlier.span.overlaps(content) {
                    earlier.attribute("named-source", vec![speaker], claim.chain.clone());
                }
            }
            // Quotations after the credit in its paragraph carry on hers:
            // "“…” Sexton said. “I don't know …”".
            paragraph_speaker[sentence.paragraph] = Some((speaker, si));
            claim.status = Status::None;
            claim.reason = "credit";
        }
        // A content that runs past its sentence carries on its speaker: the
        // paragraph after "Cruz continued:", the rest of an answer after
        // "A:", the later sentences of a quotation after "According to X,".
        // Its claims with no source of their own are attributed to them.
        if let Some((content, speaker, chain)) = &forward {
            let own = claim.attributions.iter().any(|r| r.attribution.vouches());
            if claim.status.is_flagged() && !own && content.overlaps(sentence.span) {
                claim.attribute("continued-quote", vec![*speaker], chain.clone());
            }
        }
        forward = claim
            .attributions
            .iter()
            .find_map(|r| {
                let c = r
                    .attribution
                    .content
                    .filter(|c| c.end > sentence.span.end)?;
                Some((c, r.source?, claim.chain.clone()))
            })
            .or(forward.filter(|(c, _, _)| c.end > sentence.span.end));
        // Quotation carried on from an attributed one.
        let no_own_attribution = claim
            .attributions
            .iter()
            .all(|r| r.attribution.nested_in.is_some() || !r.attribution.vouches());
        if let Some(q) = first_quote.filter(|_| claim.status != Status::None && no_own_attribution)
        {
            let quote = &seg.quotes[q];
            let opens_here = sentence
                .span
                .contains(Span::new(quote.span.start, quote.span.start));
            let inherited = if !opens_here || quote.continues.is_some() {
                quote
                    .continues
                    .and_then(|c| quotation_speaker[c])
                    .or(paragraph_speaker[sentence.paragraph])
            } else {
                let starts_with_quote =
                    seg.tokens[sentence.tokens.start].span.start == quote.span.start;
                starts_with_quote
                    .then_some(paragraph_speaker[sentence.paragraph])
                    .flatten()
            };
            if let Some((speaker, ci)) = inherited {
                let chain = prov.claims[ci].chain.clone();
                claim.attribute("continued-quote", vec![speaker], chain);
            }
        }
        // Remember who speaks the quotations of this sentence.
        if claim.status == Status::Attributed {
            let direct = claim.attributions.iter().find(|r| {
                r.attribution.nested_in.is_none()
                    && matches!(
                        r.attribution.kind,
                        AttributionKind::Direct | AttributionKind::Mixed
                    )
                    && r.source.is_some()
            });
            let speaker = direct
                .and_then(|r| r.source)
                .or(if claim.reason == "continued-quote" {
                    claim.sources.first().copied()
                } else {
                    None
                });
            if let Some(s) = speaker {
                paragraph_speaker[sentence.paragraph] = Some((s, si));
                // Once per quotation (its tokens come in runs), not per token.
                if any_continued {
                    let mut last = None;
                    for &q in sentence_quotes {
                        if let Some(q) = q.filter(|&q| last != Some(q)) {
                            last = Some(q);
                            quotation_speaker[q as usize] = Some((s, si));
                        }
                    }
                }
            }
        } else if claim.status != Status::None && first_quote.is_none() {
            paragraph_speaker[sentence.paragraph] = None;
        }
        quote_of_claim.push(first_quote);
        prov.claims.push(claim);
    }
    // A quotation that opens in one paragraph and is attributed only in a
    // later one ("“… \n\n“…,” she said."): its earlier sentences inherit
    // from the first attributed claim after them whose quotation continues
    // theirs. Continuations form disjoint paths (a quotation is continued at
    // most once), and along a path later claims sit deeper, so one pass from
    // the end finds that claim among two kept per path.
    let mut path = vec![(0usize, 0usize); seg.quotes.len()];
    for (q, quote) in seg.quotes.iter().enumerate() {
        path[q] = match quote.continues {
            Some(c) => (path[c].0, path[c].1 + 1),
            None => (q, 0),
        };
    }
    // Per path (by its first quotation), of the attributed claims passed so
    // far: (claim, depth) of the last passed, and of the last passed before
    // it that sits deeper. A claim inherits from the last passed that sits
    // deeper than it, and none passed sits shallower than it: that is one
    // of the two. (A list per path, searched by depth, found the same, at
    // an allocation a path.)
    let mut attributed_on: Vec<[Option<(usize, usize)>; 2]> = vec![[None, None]; seg.quotes.len()];
    for ci in (0..prov.claims.len()).rev() {
        let Some(q) = quote_of_claim[ci] else {
            continue;
        };
        let (p, depth) = path[q];
        if prov.claims[ci].reason == "orphan-quote" {
            let later = attributed_on[p]
                .into_iter()
                .flatten()
                .find(|&(_, d)| d > depth);
            if let Some((cj, _)) = later {
                let (sources, chain) = (
                    prov.claims[cj].sources.clone(),
                    prov.claims[cj].chain.clone(),
                );
                prov.claims[ci].attribute("continued-quote", sources, chain);
            }
        }
        if prov.claims[ci].status == Status::Attributed {
            let [last, before] = &mut attributed_on[p];
            if last.is_some_and(|(_, d)| d > depth) {
                *before = *last;
            }
            *last = Some((ci, depth));
        }
    }
    prov
}

/// "The health ministry said …, according to a statement": the statement is
/// how the ministry spoke, not a second source relaying it.
fn promote_document_venues(resolved: &mut [Resolved], reg: &Registry) {
    for k in 0..resolved.len() {
        let a = &resolved[k];
        if a.attribution.kind != AttributionKind::AccordingTo || a.attribution.nested_in.is_some() {
            continue;
        }
        let is_doc = a
            .source
            .is_some_and(|s| reg.entities[s].kind == SourceKind::Document);
        if !is_doc {
            continue;
        }
        let inner = (0..resolved.len()).find(|&j| {
            resolved[j].attribution.nested_in == Some(k)
                && resolved[j].source.is_some_and(|s| {
                    !matches!(
                        reg.entities[s].kind,
                        SourceKind::Vague | SourceKind::Anonymous
                    )
                })
        });
        if let Some(j) = inner {
            let doc = resolved[k].source;
            resolved[j].attribution.nested_in = None;
            resolved[j].venue = resolved[j].venue.or(doc);
            resolved[k].attribution.nested_in = Some(j);
        }
    }
}

/// Per attribution that vouches for its claim: its status, reason, source
/// and chain.
type Verdict = (Status, &'static str, Option<EntityId>, Vec<EntityId>);

/// The claim of a sentence with these attributions. `verdicts` is a buffer
/// to work in, kept from one sentence to the next.
fn judge(
    si: usize,
    span: Span,
    block: BlockKind,
    has_quote: bool,
    resolved: Vec<Resolved>,
    prov: &Provenance,
    verdicts: &mut Vec<Verdict>,
) -> Claim {
    let reg = &prov.registry;
    let mut claim = Claim {
        sentence: si,
        span,
        status: Status::Unattributed,
        reason: "no-source",
        sources: Vec::new(),
        chain: Vec::new(),
        attributions: resolved,
    };
    if block == BlockKind::Credit {
        claim.status = Status::None;
        claim.reason = "credit";
        return claim;
    }
    // Per attribution: its status, reason and chain.
    // (Room made up front: a first push grows a list through a slower path.)
    verdicts.clear();
    verdicts.reserve(claim.attributions.len());
    for (k, r) in claim.attributions.iter().enumerate() {
        let a = &r.attribution;
        if a.nested_in.is_some() || !a.vouches() {
            continue;
        }
        if a.weasel {
            verdicts.push((Status::Unattributed, "weasel", None, vec![]));
            continue;
        }
        if let Some(reason) = a.hearsay {
            verdicts.push((Status::Hearsay, reason, None, vec![]));
            continue;
        }
        let Some(src) = r.source else { continue };
        let kind = reg.entities[src].kind;
        let nested_source = claim
            .attributions
            .iter()
            .filter(|n| {
                // Someone else's words inside the content make a relay, unless
                // that someone is only a guess at an unknown noun phrase.
                n.attribution.nested_in == Some(k)
                    && a.content.is_some_and(|c| c.contains(n.attribution.cue))
                    && n.attribution.source.as_ref().is_some_and(|s| !s.lenient)
            })
            .filter_map(|n| n.source)
            .find(|&s| s != src);
        let originator = r.origin.or(
            if matches!(
                kind,
                SourceKind::Media | SourceKind::Organisation | SourceKind::Country
            ) && r.origin.is_none()
            {
                nested_source
            } else {
                None
            },
        );
        let mut chain = Vec::with_capacity(4);
        if let Some(o) = originator {
            chain.push(o);
        }
        chain.push(src);
        if let Some(v) = r.venue {
            chain.push(v);
        }
        if let Some(p) = prov.publisher {
            chain.push(p);
        }
        chain.dedup();
        let (status, reason) = match kind {
            SourceKind::Anonymous => (Status::Hearsay, "anonymous"),
            SourceKind::Vague => (Status::Unattributed, "weasel"),
            SourceKind::Media
                if reg.entities[src]
                    .words
                    .of(&reg.name_words)
                    .iter()
                    .any(|&w| {
                        matches!(
                            reg.keys.text(w),
                            b"media" | b"press" | b"outlets" | b"tabloids"
                        )
                    }) =>
            {
                (Status::Hearsay, "unnamed-media")
            }
            _ => match originator {
                Some(o) if reg.entities[o].kind == SourceKind::Anonymous => {
                    (Status::Hearsay, "relayed-anonymous")
                }
                Some(_) => (Status::Hearsay, "relayed"),
                None => (Status::Attributed, "named-source"),
            },
        };
        verdicts.push((status, reason, Some(src), chain));
    }
    let is_heading = block == BlockKind::Heading;
    if verdicts.is_empty() {
        if is_heading {
            claim.status = Status::None;
            claim.reason = "heading";
        } else if has_quote && !claim.attributions.iter().any(|r| r.attribution.vouches()) {
            claim.reason = "orphan-quote";
        }
        return claim;
    }
    // Hearsay outside every content governs the sentence ("X reportedly said").
    // The verdicts of one status are chosen; they are found where they
    // are, with no list of them made (three lists and a copy of one were
    // allocated for every claim with a verdict).
    let first = |want: Status| verdicts.iter().find(|v| v.0 == want);
    let sourceless_hearsay = verdicts
        .iter()
        .find(|v| v.0 == Status::Hearsay && v.2.is_none());
    let (status, reason, chosen) = match (first(Status::Attributed), sourceless_hearsay) {
        (Some(_), Some(h)) => (Status::Hearsay, h.1, Status::Attributed),
        (Some(a), None) => (Status::Attributed, a.1, Status::Attributed),
        (None, _) => match first(Status::Hearsay) {
            Some(h) => (Status::Hearsay, h.1, Status::Hearsay),
            None => {
                // Every verdict is one of the three statuses.
                let u = first(Status::Unattributed).expect("a verdict");
                (Status::Unattributed, u.1, Status::Unattributed)
            }
        },
    };
    claim.status = status;
    claim.reason = reason;
    let most = verdicts
        .iter()
        .filter(|v| v.0 == chosen && v.2.is_some())
        .count();
    // Made at its size: a reserve on the empty list took the slow path that
    // grows one.
    claim.sources = Vec::with_capacity(most);
    for v in verdicts.iter().filter(|v| v.0 == chosen) {
        if let Some(s) = v.2 {
            if !claim.sources.contains(&s) {
                claim.sources.push(s);
            }
        }
    }
    // "The mayor and the governor said": both are sources, in the order
    // they are named.
    for r in &claim.attributions {
        let a = &r.attribution;
        if let (Some(w), Some(src), None, true) = (r.with, r.source, a.nested_in, a.vouches()) {
            if let Some(at) = claim.sources.iter().position(|&s| s == src) {
                if !claim.sources.contains(&w) {
                    claim.sources.insert(at, w);
                }
            }
        }
    }
    // The verdicts are done with: the chain is moved out, not copied.
    claim.chain = verdicts
        .iter_mut()
        .find(|v| v.0 == chosen && !v.3.is_empty())
        .map(|v| std::mem::take(&mut v.3))
        .unwrap_or_default();
    if claim.chain.is_empty() {
        if let Some(p) = prov.publisher {
            if !claim.sources.is_empty() {
                claim.chain = claim
                    .sources
                    .iter()
                    .copied()
                    .chain(std::iter::once(p))
                    .collect();
            }
        }
    }
    claim
}

/// The publisher from a credit line ("Source: Today IT") or a wire dateline
/// ("(Reuters) -").
fn publisher(text: &str, seg: &Segmentation, g: &Grammar, reg: &mut Registry) -> Option<EntityId> {
    for p in seg.paragraphs.iter().rev() {
        if p.kind != BlockKind::Credit {
            continue;
        }
        let toks = &seg.tokens[p.tokens.clone()];
        let words: Vec<_> = toks
            .iter()
            .map(|t| crate::grammar::norm(t.text(text)))
            .collect();
        if let Some((n, entries)) = g.longest(&words, |e| e.kind == Kind::Credit) {
            if entries.iter().any(|e| e.tag == "publisher") && n < toks.len() {
                let name = Span::new(toks[n].span.start, p.span.end)
                    .slice(text)
                    .trim()
                    .trim_end_matches('.');
                if !name.is_empty() {
                    return reg.named(NameRef::publisher(name), 0);
                }
            }
        }
    }
    // "(Reuters) -" near the start of the first body paragraph.
    let first = seg.paragraphs.iter().find(|p| p.kind == BlockKind::Body)?;
    let toks = &seg.tokens[first.tokens.clone()];
    let open = toks.iter().take(8).position(|t| t.text(text) == "(")?;
    let close = open
        + toks[open..]
            .iter()
            .take(6)
            .position(|t| t.text(text) == ")")?;
    let dash = toks.get(close + 1).map(|t| t.text(text));
    if close > open + 1 && matches!(dash, Some("-" | "—" | "–")) {
        let name = Span::new(toks[open + 1].span.start, toks[close - 1].span.end).slice(text);
        return reg.named(NameRef::publisher(name), 0);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::document::InputType;
    use crate::grammar::Grammar;

    fn words_of(s: &str) -> Vec<String> {
        let mut lower = Vec::new();
        let mut spans = Vec::new();
        assert!(super::lower_into(&mut lower, s));
        super::ascii_word_spans(&lower, &mut spans);
        spans
            .iter()
            .map(|&(a, b)| String::from_utf8(lower[a..b].to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn ascii_words_are_the_words_of_any_text() {
        for s in [
            "Ana Lopes",
            "JONES'S  aide's's'",
            "(AP) ,Reuters,\tO'Brien\x0bX\x0cY\rZ\n's ' '' Sx'S",
            "",
            "  ",
        ] {
            assert_eq!(words_of(s), super::words_of_any(s), "{s:?}");
            assert_eq!(super::word_count(s), super::words_of_any(s).len(), "{s:?}");
        }
    }

    #[test]
    fn is_clean_is_the_byte_loop_it_replaced() {
        // What `clean` looked for a byte at a time.
        let by_bytes = |s: &[u8]| {
            let mut after_space = true;
            for &c in s {
                match c {
                    b' ' if !after_space => after_space = true,
                    b' ' | b'\t'..=b'\r' | 0x80.. => return false,
                    _ => after_space = false,
                }
            }
            !after_space || s.is_empty()
        };
        // Every string of up to four bytes from a set of interesting ones,
        // put at the start, the end and inside names of every length.
        let bytes = [
            b'a', b'Z', b' ', b'\t', b'\r', 0x08, 0x0E, 0x1C, 0x7F, 0x80, 0xC3,
        ];
        let mut cases: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|c| bytes.iter().map(move |&b| [c.as_slice(), &[b]].concat()))
                .collect();
            cases.extend(last.iter().cloned());
        }
        for case in &cases {
            for pad in 0..10 {
                for s in [
                    [b"Kim Jong".repeat(pad).as_slice(), case].concat(),
                    [case, b"Jong Un".repeat(pad).as_slice()].concat(),
                    [b"Kim".as_slice(), case, b"x".repeat(pad).as_slice()].concat(),
                ] {
                    assert_eq!(super::is_clean(&s), by_bytes(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn same_lowercase_is_comparing_lowercased_copies() {
        let names = [
            "KCNA",
            "kcna",
            "Kcna agency",
            "ÉLYSÉE",
            "élysée",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "",
        ];
        for a in names {
            for b in names {
                let want = a.to_lowercase() == b.to_lowercase();
                assert_eq!(super::same_lowercase(a, b), want, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn clean_folds_whitespace_like_split_whitespace() {
        for s in [
            "",
            " ",
            "Kim Jong Un",
            " Kim  Jong\tUn ",
            "Kim\nJong",
            "a\u{a0}b",
            "Ünïcödé  Name",
            "x\u{1c}y",
            "trailing ",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(super::clean(s), want, "{s:?}");
        }
    }

    fn statuses(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let a = crate::analyze(text, InputType::Text, &Grammar::builtin());
        let names = |c: &super::Claim| {
            c.sources
                .iter()
                .map(|&s| a.provenance.registry.entities[s].name.clone())
                .collect()
        };
        a.provenance
            .claims
            .iter()
            .map(|c| {
                (
                    c.span.slice(&a.document.text).to_string(),
                    c.status.as_str(),
                    names(c),
                )
            })
            .collect()
    }

    #[test]
    fn a_credit_paragraph_names_the_speaker_of_the_quotation_before_it() {
        let got = statuses(
            "\"Taxes are too low for the rich.\"\n\n- Bernie Sanders.\n\nThe claim is disputed.",
        );
        assert_eq!(got[0].1, "attributed");
        assert_eq!(got[0].2, vec!["Bernie Sanders".to_string()]);
        assert_eq!(got[1].1, "none", "the credit line is no claim");
        assert_eq!(got[2].1, "unattributed");
    }

    #[test]
    fn a_broadcaster_s_programme_is_the_venue() {
        let a = crate::analyze(
            "Gareth Pryce told BBC Radio 5 Live that the fee was fair.",
            InputType::Text,
            &Grammar::builtin(),
        );
        let reg = &a.provenance.registry;
        let chain: Vec<(&str, super::SourceKind)> = a.provenance.claims[0]
            .chain
            .iter()
            .map(|&e| (reg.entities[e].name.as_str(), reg.entities[e].kind))
            .collect();
        assert_eq!(
            chain,
            [
                ("Gareth Pryce", super::SourceKind::Person),
                ("BBC Radio 5 Live", super::SourceKind::Media)
            ]
        );
    }

    #[test]
    fn both_and_the_two_stand_for_the_last_two_named() {
        let got = statuses(
            "Kwame Osei moved from Dunmore Rovers to Atlético Varela, both clubs confirmed. \
             Senator Ana Lopes met Governor Bo Smith. The two politicians said the levy was fair. \
             Two officials said it was late.",
        );
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(got[0].2, names(&["Dunmore Rovers", "Atlético Varela"]));
        assert_eq!(got[2].2, names(&["Ana Lopes", "Bo Smith"]));
        // No "the": two unnamed officials, not the two just named.
        assert_eq!(got[3].1, "hearsay");
    }

    #[test]
    fn coordinated_speakers_are_both_sources_in_the_order_named() {
        let got = statuses(
            "Mayor Ana Lopes and Governor Bo Smith said the levy was fair. \
             “It is late,” the mayor and the governor said. \
             The mayor or the governor said it would pass.",
        );
        let both = vec!["Ana Lopes".to_string(), "Bo Smith".to_string()];
        assert_eq!(got[0].2, both);
        assert_eq!(got[1].2, both, "descriptions resolve to the names");
        assert_eq!(
            got[2].2,
            vec!["Bo Smith".to_string()],
            "\"or\": one of them"
        );
    }

    #[test]
    fn a_pronoun_contracted_with_has_stands_for_its_antecedent() {
        let got = statuses("Mayor Ana Lopes spoke on Monday. She's said the levy will fall.");
        assert_eq!(got[1].1, "attributed");
        assert_eq!(got[1].2, vec!["Ana Lopes".to_string()]);
    }

    #[test]
    fn a_dash_credit_attributes_its_quotation_only() {
        let got = statuses(
            "“He represents our greatest shame.” ― Sonya Herridge\n\n“We matter.”\n\nTurnout rose.",
        );
        assert_eq!(got[0].1, "attributed");
        assert_eq!(got[0].2, vec!["Sonya Herridge".to_string()]);
        assert_eq!(
            got[1].1, "unattributed",
            "an uncredited quotation stays an orphan"
        );
    }

    #[test]
    fn a_sentence_naming_the_speaker_credits_the_quotation_before_it() {
        let got = statuses(
            "“We will rebuild.” Ana Lopes said. “It is a promise.”\n\n“We matter.”\n\nTurnout rose.",
        );
        assert_eq!(got[0].1, "attributed");
        assert_eq!(got[0].2, vec!["Ana Lopes".to_string()]);
        assert_eq!(got[1].1, "none", "the naming sentence is no claim");
        assert_eq!(got[2].1, "attributed", "the quotation after it is hers");
        assert_eq!(got[2].2, vec!["Ana Lopes".to_string()]);
        assert_eq!(
            got[3].1, "unattributed",
            "a new paragraph's quotation is not"
        );
    }

    #[test]
    fn a_paragraph_announced_by_a_colon_is_the_speakers() {
        let got = statuses(
            "Lopes wrote on Monday:\n\n“The bridge will open. It is safe.”\n\nNo one knows.\n\nReed added:\n\nThe costs will fall.",
        );
        assert_eq!(got[1].1, "attributed");
        assert_eq!(got[1].2, vec!["Lopes".to_string()]);
        assert_eq!(got[2].1, "attributed", "the whole paragraph is hers");
        assert_eq!(got[3].1, "unattributed", "the paragraph after is not");
        assert_eq!(
            got[5].1, "attributed",
            "a paragraph without quotation marks too"
        );
        assert_eq!(got[5].2, vec!["Reed".to_string()]);
    }

    #[test]
    fn the_sentences_a_content_runs_on_into_are_its_speakers() {
        let got = statuses(
            "According to the report, “The levy is fair. Few pay it. The rest are exempt.” No one knows.",
        );
        for (i, claim) in got.iter().take(3).enumerate() {
            assert_eq!(claim.1, "attributed", "sentence {i}: {claim:?}");
        }
        assert_eq!(got[3].1, "unattributed");
        let got = statuses("Q: Is it fair?\n\nA: It is fair. Few pay it.\n\nNo one knows.");
        assert_eq!(got[1].2, vec!["interviewee".to_string()]);
        assert_eq!(
            got[2].2,
            vec!["interviewee".to_string()],
            "the whole answer"
        );
        assert_eq!(got[3].1, "unattributed");
    }
}
