//! A stable sort that compiles once.
//!
//! `slice::sort_by` is generic over the element and the comparison: every call site with its own
//! element type adds a copy of the standard library's driftsort (several KB of wasm each) to the
//! web app. Here the sort runs once, non-generically, over the indices 0..n with a `dyn`
//! comparison; only the short permutation step is generic. For the lists the core sorts (findings,
//! groups, span bounds, column boxes) the extra index pass costs nothing measurable.
use std::cmp::Ordering;

/// Sort `v` stably by `cmp` (as `v.sort_by(cmp)`).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| old[i as usize].take()));
}

/// Sort `v` (as `v.sort()`; also where `sort_unstable` would do).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sort `v` stably by a key (as `v.sort_by_key(key)`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices 0..n in the order `cmp` gives, ties in index order. Not generic: one copy of the
/// sort in the binary.
#[inline(never)]
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.sort_by(|&a, &b| cmp(a as usize, b as usize));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w: Vec<u8> = Vec::new();
        sort_by(&mut w, |a, b| a.cmp(b));
        assert!(w.is_empty());
        let mut s = vec!["b".to_string(), "a".to_string()];
        sort_by(&mut s, |a, b| a.cmp(b));
        assert_eq!(s, ["a", "b"]);
    }
}
