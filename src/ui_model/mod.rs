//! Pure UI state (reducer, marker index), tested natively; the Yew app only renders it.
