//! `grader watch` (and plain `grader` in a terminal): the learner's loop. Shows the current
//! exercise, grades it again whenever its file is saved, and moves on when it passes.
//!
//! In a terminal, single keys act at once (`h` hint, `l` list, `n` next, `g` go to an exercise,
//! `r` re-run, `R` reset, `q` quit). Without one (a pipe, an editor's task runner, a test), the
//! same letters are read one per line from standard input (`g ID` on one line), and grading
//! still follows every save.
//!
//! Saves are followed two ways at once. The system's file watcher reports a save at once, but it
//! fails on some file systems (WSL 2 under `/mnt`, network drives) and misses some editors' ways
//! of saving; a poller that compares each exercise file's digest every [`POLL`] never does. A
//! save the poller sees and the watcher does not report within [`CONFIRM`] means the watcher
//! cannot be trusted here: the loop says so and follows saves by polling alone from then on
//! (`--poll` starts that way). A
//! save is graded only when the file's content differs from what was last graded, so a change
//! reported by both is graded once.

use std::collections::HashMap;
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::budget::Budget;
use crate::course::{Course, Exercise};
use crate::error::{EXIT_PASSED, Result};
use crate::grade::grade_and_record;
use crate::output::{self, Following};
use crate::progress::{Progress, Standing, sha256_hex};
use crate::progress_bar::GradingProgress;
use crate::stubs;
use crate::verdict::News;

/// Saves arrive as bursts of file events; wait this long for a burst to end before grading.
const SETTLE: Duration = Duration::from_millis(150);

/// How often the poller reads the exercise files.
const POLL: Duration = Duration::from_millis(500);

/// How long the watcher has to report a save the poller saw first before it counts as missed.
/// Generous, because on a busy machine the watcher's thread may wait its turn.
const CONFIRM: Duration = Duration::from_secs(2);

/// Fault injection for the tests (and for a learner who wants to see the fallback): `off`
/// behaves as if the file watcher could not start, `deaf` as if it started and never reported a
/// save (as on a network drive).
const WATCHER_FAULT: &str = "THREADLINGS_WATCHER";

/// Something the loop reacts to.
enum Event {
    /// A file under exercises/ was written; `by_watcher` tells the watcher from the poller.
    Saved { path: PathBuf, by_watcher: bool },
    /// The learner pressed a key (or typed a letter and Enter).
    Key(char),
    /// The learner asked for an exercise by id (`g`, then the id).
    Goto(String),
    /// Nothing happened for a while (only when a save awaits the watcher's confirmation).
    Quiet,
}

/// Runs the loop until the learner quits.
pub fn run(course: &Course, poll_only: bool) -> Result<i32> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let (events, incoming) = mpsc::channel();
    let (mut watcher, mut following) = if poll_only {
        (None, Following::PollingAsked)
    } else {
        match watch_exercises(course, events.clone()) {
            Ok(watcher) => (Some(watcher), Following::Watcher),
            Err(why) => (None, Following::PollingWatcherFailed(why)),
        }
    };
    spawn_poller(course, events.clone());
    let raw = if interactive { RawMode::enable() } else { None };
    spawn_input(events, interactive);
    let screen = Screen { raw: raw.is_some() };
    let mut graded = Graded::default();

    let progress = Progress::load(course);
    let mut current = course
        .exercises()
        .position(|e| progress.standing(course, e) != Standing::Done);
    screen.say(&output::watch_banner(interactive, &following));
    match current {
        Some(index) => current = grade(course, &screen, &mut graded, index)?,
        None => screen.say(&output::next(course, None)),
    }
    let mut asked_to_reset = false;
    // A save the poller reported and the watcher has not (yet), and since when.
    let mut unconfirmed: Option<(PathBuf, Instant)> = None;
    loop {
        let patience = unconfirmed
            .as_ref()
            .map(|(_, since)| (*since + CONFIRM).saturating_duration_since(Instant::now()));
        let event = next_event(&incoming, patience);
        if let Some(Event::Quiet) = event {
            // Every event that came has been handled, and the watcher never reported that save.
            unconfirmed = None;
            watcher = None;
            following = Following::PollingWatcherMissed;
            screen.say(&output::watch_following(&following));
            continue;
        }
        if asked_to_reset {
            asked_to_reset = false;
            if let Some(Event::Key(answer)) = event {
                match current {
                    Some(index) if answer == 'y' => {
                        let exercise = exercise_at(course, index);
                        stubs::restore(course, exercise)?;
                        screen.say(&output::reset_done(exercise));
                        current = grade(course, &screen, &mut graded, index)?;
                    }
                    _ => screen.say(&output::reset_cancelled()),
                }
                continue;
            }
            screen.say(&output::reset_cancelled());
        }
        match event {
            None | Some(Event::Key('q')) => break,
            Some(Event::Saved { path, by_watcher }) => {
                if by_watcher && unconfirmed.as_ref().is_some_and(|(p, _)| *p == path) {
                    unconfirmed = None;
                }
                let Some(index) = current else { continue };
                let exercise = exercise_at(course, index);
                if !path.ends_with(&exercise.path) || !graded.changed(course, exercise) {
                    continue;
                }
                if !by_watcher && following == Following::Watcher && unconfirmed.is_none() {
                    // Grade it now, and see whether the watcher reports it too.
                    unconfirmed = Some((path, Instant::now()));
                }
                current = grade(course, &screen, &mut graded, index)?;
            }
            Some(Event::Key('r')) => {
                if let Some(index) = current {
                    current = grade(course, &screen, &mut graded, index)?;
                }
            }
            Some(Event::Key('R')) => match current {
                Some(index) => {
                    screen.say(&output::watch_reset_question(exercise_at(course, index)));
                    asked_to_reset = true;
                }
                None => screen.say(&output::next(course, None)),
            },
            Some(Event::Key('g')) => screen.say(&output::watch_goto_question(interactive)),
            Some(Event::Goto(id)) => match course.exercise(&id).ok() {
                _ if id.is_empty() => screen.say(&output::reset_cancelled()),
                Some(exercise) => {
                    let index = course
                        .exercises()
                        .position(|e| e.id == exercise.id)
                        .expect("found in the course");
                    current = grade(course, &screen, &mut graded, index)?;
                }
                None => screen.say(&output::watch_no_such_exercise(&id)),
            },
            Some(Event::Key('h')) => {
                if let Some(index) = current {
                    screen.say(&output::hint(exercise_at(course, index)));
                }
            }
            Some(Event::Key('l')) => {
                let progress = Progress::load(course);
                let standings: Vec<_> = course
                    .exercises()
                    .map(|e| (e, progress.standing(course, e)))
                    .collect();
                screen.say(&output::list(course, &standings));
            }
            Some(Event::Key('n')) => {
                let count = course.exercises().count();
                current = match current {
                    Some(index) if index + 1 < count => {
                        grade(course, &screen, &mut graded, index + 1)?
                    }
                    _ => {
                        screen.say(&output::next(course, None));
                        None
                    }
                };
            }
            Some(Event::Key(_)) => screen.say(&output::watch_keys(interactive)),
            Some(Event::Quiet) => unreachable!("handled above"),
        }
    }
    drop(watcher);
    Ok(EXIT_PASSED)
}

fn exercise_at(course: &Course, index: usize) -> &Exercise {
    course
        .exercises()
        .nth(index)
        .expect("indices come from the course")
}

/// The digest of each exercise file as it was when last graded.
#[derive(Default)]
struct Graded(HashMap<String, Option<String>>);

impl Graded {
    /// Whether the file differs from what was last graded (a file never graded differs).
    fn changed(&self, course: &Course, exercise: &Exercise) -> bool {
        self.0.get(&exercise.id) != Some(&digest(&exercise.exercise_file(&course.root)))
    }

    fn record(&mut self, course: &Course, exercise: &Exercise) {
        let now = digest(&exercise.exercise_file(&course.root));
        self.0.insert(exercise.id.clone(), now);
    }
}

/// The SHA-256 of a file, or `None` if it cannot be read (deleted halfway through a save).
fn digest(file: &Path) -> Option<String> {
    std::fs::read(file).ok().map(|bytes| sha256_hex(&bytes))
}

/// Grades the exercise at `index`; returns the exercise to watch next: the same one until it
/// passes, then the one after it (graded at once, so the learner sees what it asks).
fn grade(
    course: &Course,
    screen: &Screen,
    graded: &mut Graded,
    index: usize,
) -> Result<Option<usize>> {
    let exercise = exercise_at(course, index);
    screen.say(&output::watch_grading(exercise));
    // The digest is taken before grading: a save during grading is graded again after it.
    graded.record(course, exercise);
    let budget = Budget::starting(std::time::Instant::now(), course.budget);
    // No bar: the screen shows the news and the verdict itself.
    let bar = GradingProgress::hidden();
    // What is known before the verdict is said as it comes, under the grading line.
    let news = |exercise: &Exercise, news: News| screen.say(&output::watch_news(exercise, &news));
    let results = grade_and_record(course, &[exercise], &budget, &bar, &news, &mut |_| Ok(()))?;
    let result = &results[0];
    screen.say(&output::exercise_report(result));
    if !result.passed() {
        screen.say(&output::watch_waiting(exercise));
        return Ok(Some(index));
    }
    let next = course.exercises().nth(index + 1);
    screen.say(&output::watch_passed(exercise, next));
    match next {
        Some(_) => grade(course, screen, graded, index + 1),
        None => Ok(None),
    }
}

/// Waits for the next event (at most `patience`, if given, then [`Event::Quiet`]); a burst of
/// saves of one file becomes one, which counts as seen by the watcher if the watcher reported
/// any of it.
fn next_event(incoming: &Receiver<Event>, patience: Option<Duration>) -> Option<Event> {
    let event = match patience {
        None => incoming.recv().ok()?,
        Some(patience) => match incoming.recv_timeout(patience) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => return Some(Event::Quiet),
            Err(RecvTimeoutError::Disconnected) => return None,
        },
    };
    let Event::Saved {
        path,
        mut by_watcher,
    } = event
    else {
        return Some(event);
    };
    // Editors write a file in several steps; grade once they are done.
    std::thread::sleep(SETTLE);
    let mut latest = path;
    while let Ok(event) = incoming.try_recv() {
        match event {
            Event::Saved {
                path,
                by_watcher: watcher,
            } if path == latest => by_watcher |= watcher,
            Event::Saved {
                path,
                by_watcher: watcher,
            } => {
                latest = path;
                by_watcher = watcher;
            }
            other => return Some(other),
        }
    }
    Some(Event::Saved {
        path: latest,
        by_watcher,
    })
}

/// Starts the system's file watcher on `exercises/`; the error says why it could not.
fn watch_exercises(
    course: &Course,
    events: Sender<Event>,
) -> std::result::Result<notify::RecommendedWatcher, String> {
    let fault = std::env::var(WATCHER_FAULT).unwrap_or_default();
    if fault == "off" {
        return Err(format!("{WATCHER_FAULT}=off"));
    }
    let deaf = fault == "deaf";
    let exercises = course.root.join("exercises");
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if deaf {
            return;
        }
        if matches!(
            event.kind,
            notify::EventKind::Modify(_) | notify::EventKind::Create(_)
        ) {
            for path in event.paths {
                let _ = events.send(Event::Saved {
                    path,
                    by_watcher: true,
                });
            }
        }
    })
    .map_err(|e| e.to_string())?;
    watcher
        .watch(&exercises, RecursiveMode::Recursive)
        .map_err(|e| format!("{}: {e}", exercises.display()))?;
    Ok(watcher)
}

/// Reads every exercise file every [`POLL`] and reports those whose digest changed. It ends
/// when the loop does (its channel closes).
fn spawn_poller(course: &Course, events: Sender<Event>) {
    let files: Vec<PathBuf> = course
        .exercises()
        .map(|e| e.exercise_file(&course.root))
        .collect();
    std::thread::spawn(move || {
        let mut seen: Vec<Option<String>> = files.iter().map(|f| digest(f)).collect();
        loop {
            std::thread::sleep(POLL);
            for (file, seen) in files.iter().zip(&mut seen) {
                let now = digest(file);
                if now != *seen {
                    *seen = now;
                    let saved = Event::Saved {
                        path: file.clone(),
                        by_watcher: false,
                    };
                    if events.send(saved).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

/// Reads keys (in a terminal) or one letter per line (otherwise) into the event channel.
fn spawn_input(events: Sender<Event>, interactive: bool) {
    std::thread::spawn(move || {
        if interactive {
            read_keys(&events);
        } else {
            read_lines(&events);
            // Standard input closed: keep following saves until the grader is stopped.
        }
    });
}

/// `R` (reset) is the one upper-case key; every other letter means the same in either case.
fn key(letter: char) -> char {
    if letter == 'R' {
        letter
    } else {
        letter.to_ascii_lowercase()
    }
}

/// In a terminal: a key acts at once; after `g`, the keys typed up to Enter are an id (shown as
/// they are typed; Escape cancels).
fn read_keys(events: &Sender<Event>) {
    use crossterm::event::{self, Event as Term, KeyCode, KeyEventKind, KeyModifiers};
    let mut id: Option<String> = None;
    while let Ok(event) = event::read() {
        let Term::Key(pressed) = event else { continue };
        if pressed.kind != KeyEventKind::Press {
            continue;
        }
        let ctrl_c =
            pressed.code == KeyCode::Char('c') && pressed.modifiers.contains(KeyModifiers::CONTROL);
        let sent = match (&mut id, pressed.code) {
            // Raw mode turns Ctrl-C into a key; it still means "stop".
            _ if ctrl_c => events.send(Event::Key('q')),
            (Some(typed), KeyCode::Char(c)) => {
                typed.push(c);
                echo(&c.to_string());
                Ok(())
            }
            (Some(typed), KeyCode::Backspace) => {
                if typed.pop().is_some() {
                    echo("\u{8} \u{8}");
                }
                Ok(())
            }
            (Some(_), KeyCode::Enter) => {
                echo("\r\n");
                events.send(Event::Goto(id.take().unwrap_or_default()))
            }
            (Some(_), KeyCode::Esc) => {
                id = None;
                echo("\r\n");
                events.send(Event::Goto(String::new()))
            }
            (None, KeyCode::Char(c)) => {
                if key(c) == 'g' {
                    id = Some(String::new());
                }
                events.send(Event::Key(key(c)))
            }
            _ => Ok(()),
        };
        if sent.is_err() {
            break;
        }
    }
}

/// Without a terminal: one letter per line; `g ID` (or `g`, then the id on the next line).
fn read_lines(events: &Sender<Event>) {
    let mut awaiting_id = false;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let line = line.trim();
        let event = if awaiting_id {
            awaiting_id = false;
            Event::Goto(line.to_owned())
        } else if let Some(id) = line.strip_prefix("g ") {
            Event::Goto(id.trim().to_owned())
        } else if let Some(letter) = line.chars().next() {
            awaiting_id = key(letter) == 'g';
            Event::Key(key(letter))
        } else {
            continue;
        };
        if events.send(event).is_err() {
            break;
        }
    }
}

/// Shows what the learner types after `g` (raw mode does not echo).
fn echo(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Where the loop prints; in raw mode a line break must also return the cursor.
struct Screen {
    raw: bool,
}

impl Screen {
    fn say(&self, text: &str) {
        let text = if self.raw {
            text.replace('\n', "\r\n")
        } else {
            text.to_owned()
        };
        echo(&text);
    }
}

/// The terminal's raw mode, restored when dropped (also when the loop ends with an error).
struct RawMode;

impl RawMode {
    fn enable() -> Option<RawMode> {
        crossterm::terminal::enable_raw_mode()
            .ok()
            .map(|()| RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}
