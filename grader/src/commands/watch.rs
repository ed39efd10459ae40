//! `grader watch` (and plain `grader` in a terminal): the learner's loop. Shows the current
//! exercise, grades it again whenever its file is saved, and moves on when it passes.
//!
//! In a terminal, single keys act at once (`h` hint, `l` list, `n` next, `r` re-run, `q` quit).
//! Without one (a pipe, an editor's task runner, a test), the same letters are read one per line
//! from standard input, and grading still follows every save.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use crate::budget::Budget;
use crate::commands::check::grade_and_record;
use crate::course::{Course, Exercise};
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::output;
use crate::progress::{Progress, Standing};

/// Saves arrive as bursts of file events; wait this long for a burst to end before grading.
const SETTLE: Duration = Duration::from_millis(150);

/// Something the loop reacts to.
enum Event {
    /// A file under exercises/ was written.
    Saved(PathBuf),
    /// The learner pressed a key (or typed a letter and Enter).
    Key(char),
}

/// Runs the loop until the learner quits.
pub fn run(course: &Course) -> Result<i32> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let (events, incoming) = mpsc::channel();
    let _watcher = watch_exercises(course, events.clone())?;
    let _raw = if interactive { RawMode::enable() } else { None };
    spawn_input(events, interactive);
    let screen = Screen {
        raw: _raw.is_some(),
    };

    let progress = Progress::load(course);
    let mut current = course
        .exercises()
        .position(|e| progress.standing(course, e) != Standing::Done);
    screen.say(&output::watch_banner(interactive));
    match current {
        Some(index) => current = grade(course, &screen, index)?,
        None => screen.say(&output::next(course, None)),
    }
    loop {
        match next_event(&incoming) {
            None | Some(Event::Key('q')) => break,
            Some(Event::Saved(path)) => {
                let Some(index) = current else { continue };
                let exercise = exercise_at(course, index);
                if path.ends_with(&exercise.path) {
                    current = grade(course, &screen, index)?;
                }
            }
            Some(Event::Key('r')) => {
                if let Some(index) = current {
                    current = grade(course, &screen, index)?;
                }
            }
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
                    Some(index) if index + 1 < count => grade(course, &screen, index + 1)?,
                    _ => {
                        screen.say(&output::next(course, None));
                        None
                    }
                };
            }
            Some(Event::Key(_)) => screen.say(&output::watch_keys(interactive)),
        }
    }
    Ok(EXIT_PASSED)
}

fn exercise_at(course: &Course, index: usize) -> &Exercise {
    course
        .exercises()
        .nth(index)
        .expect("indices come from the course")
}

/// Grades the exercise at `index`; returns the exercise to watch next: the same one until it
/// passes, then the one after it (graded at once, so the learner sees what it asks).
fn grade(course: &Course, screen: &Screen, index: usize) -> Result<Option<usize>> {
    let exercise = exercise_at(course, index);
    screen.say(&output::watch_grading(exercise));
    let budget = Budget::starting(std::time::Instant::now(), course.budget);
    let results = grade_and_record(course, &[exercise], false, &budget, &mut |_| {})?;
    let result = &results[0];
    screen.say(&output::exercise_report(result));
    if !result.passed() {
        screen.say(&output::watch_waiting(exercise));
        return Ok(Some(index));
    }
    let next = course.exercises().nth(index + 1);
    screen.say(&output::watch_passed(exercise, next));
    match next {
        Some(_) => grade(course, screen, index + 1),
        None => Ok(None),
    }
}

/// Waits for the next event; a burst of saves becomes one.
fn next_event(incoming: &Receiver<Event>) -> Option<Event> {
    let event = incoming.recv().ok()?;
    if let Event::Saved(path) = event {
        // Editors write a file in several steps; grade once they are done.
        std::thread::sleep(SETTLE);
        let mut latest = path;
        while let Ok(event) = incoming.try_recv() {
            match event {
                Event::Saved(path) => latest = path,
                key => return Some(key),
            }
        }
        return Some(Event::Saved(latest));
    }
    Some(event)
}

fn watch_exercises(course: &Course, events: Sender<Event>) -> Result<notify::RecommendedWatcher> {
    let exercises = course.root.join("exercises");
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(
            event.kind,
            notify::EventKind::Modify(_) | notify::EventKind::Create(_)
        ) {
            for path in event.paths {
                let _ = events.send(Event::Saved(path));
            }
        }
    })
    .map_err(|e| GraderError::io("watch the exercise files", std::io::Error::other(e)))?;
    watcher
        .watch(&exercises, RecursiveMode::Recursive)
        .map_err(|e| {
            GraderError::io(
                format!("watch {}", exercises.display()),
                std::io::Error::other(e),
            )
        })?;
    Ok(watcher)
}

/// Reads keys (in a terminal) or one letter per line (otherwise) into the event channel.
fn spawn_input(events: Sender<Event>, interactive: bool) {
    std::thread::spawn(move || {
        if interactive {
            use crossterm::event::{self, Event as Term, KeyCode, KeyEventKind, KeyModifiers};
            while let Ok(event) = event::read() {
                let Term::Key(key) = event else { continue };
                if key.kind != KeyEventKind::Press {
                    continue;
                }
                // Raw mode turns Ctrl-C into a key; it still means "stop".
                let letter = match key.code {
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => 'q',
                    KeyCode::Char(c) => c.to_ascii_lowercase(),
                    _ => continue,
                };
                if events.send(Event::Key(letter)).is_err() {
                    break;
                }
            }
        } else {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                if let Some(letter) = line.trim().chars().next()
                    && events
                        .send(Event::Key(letter.to_ascii_lowercase()))
                        .is_err()
                {
                    break;
                }
            }
            // Standard input closed: keep following saves until the grader is stopped.
        }
    });
}

/// Where the loop prints; in raw mode a line break must also return the cursor.
struct Screen {
    raw: bool,
}

impl Screen {
    fn say(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let text = if self.raw {
            text.replace('\n', "\r\n")
        } else {
            text.to_owned()
        };
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
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
