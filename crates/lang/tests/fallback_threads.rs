//! The lingua fallback used from many threads at once on its first use, in a process of
//! its own (lingua's models are loaded once per process): every text gets the answer it
//! gets on one thread, and nothing waits forever on the lock that serializes model
//! loading.
#![cfg(feature = "lingua-fallback")]

use pagesift_lang::{Detector, Guess, Settings};

fn detector() -> Detector {
    Detector::new(
        Settings::default()
            .with_allowlist(["be", "ru", "uk", "bg", "mk", "sr", "kk", "en"])
            .with_fallback(0.65),
    )
    .expect("allowlist builds")
}

#[test]
fn first_use_from_four_threads_matches_one_thread() {
    // Short texts whose open sets differ, so that lingua loads several models at once.
    let texts: Vec<String> = [
        "Работа отдела",
        "Головна сторінка",
        "Навіны",
        "Кантакты",
        "Олег",
        "Нова вода",
        "Вести",
        "Здраво",
        "Почетна страна",
        "Мапа сайта",
        "Бас бет",
        "Новини",
    ]
    .iter()
    .cycle()
    .take(240)
    .enumerate()
    .map(|(k, t)| format!("{t}{}", ["", " дома", " сайта", " днес"][k % 4]))
    .collect();
    let shared = detector();
    let parallel: Vec<Guess> = std::thread::scope(|scope| {
        let workers: Vec<_> = texts
            .chunks(texts.len() / 4)
            .map(|chunk| {
                let d = &shared;
                scope.spawn(move || chunk.iter().map(|t| d.detect(t)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("no panic"))
            .collect()
    });
    let alone = detector();
    let serial: Vec<Guess> = texts.iter().map(|t| alone.detect(t)).collect();
    assert_eq!(parallel.len(), serial.len());
    for ((t, p), s) in texts.iter().zip(&parallel).zip(&serial) {
        // lingua sums in hash order, so confidences may differ in the last bits.
        assert_eq!(p.lang, s.lang, "{t}");
        assert!(
            (p.confidence - s.confidence).abs() < 1e-9,
            "{t}: {p:?} {s:?}"
        );
    }
    assert!(shared.fallback_calls() > 0);
    assert_eq!(shared.fallback_calls(), alone.fallback_calls());
}
