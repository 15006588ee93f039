/* pw-store.c — the SQLite database that holds everything
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-store"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pw-store.h"
#include "pw-store-private.h"

struct _PwStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  GHashTable *statements;  /* const char *sql (interned) → sqlite3_stmt * */
  int         version;
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (PwStore, pw_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define BUSY_TIMEOUT_MS 5000

/* The forward migrations. Entry i takes the schema from version i to i + 1;
 * each runs in its own transaction together with the new user_version.
 * Never edit a migration that has shipped: append a new one. */
static const char * const migrations[] = {
  /* 0 → 1: programmes */
  "CREATE TABLE programme ("
  "  id                  INTEGER PRIMARY KEY,"
  "  uuid                TEXT NOT NULL UNIQUE,"
  "  name                TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind                TEXT NOT NULL DEFAULT 'reverse'"
  "                      CHECK (kind IN ('reverse', 'traditional', 'peer')),"
  "  purposes            INTEGER NOT NULL DEFAULT 0,"
  "  purpose_other       TEXT NOT NULL DEFAULT '',"
  "  goals               TEXT NOT NULL DEFAULT '[]',"
  "  target_audience     TEXT NOT NULL DEFAULT '',"
  "  scope               INTEGER NOT NULL DEFAULT 0,"
  "  expected_demand     INTEGER NOT NULL DEFAULT 0 CHECK (expected_demand >= 0),"
  "  start_date          TEXT NOT NULL,"
  "  end_date            TEXT NOT NULL,"
  "  meetings_per_month  INTEGER NOT NULL DEFAULT 1"
  "                      CHECK (meetings_per_month BETWEEN 1 AND 8),"
  "  meeting_minutes     INTEGER NOT NULL DEFAULT 45"
  "                      CHECK (meeting_minutes BETWEEN 15 AND 240),"
  "  min_discussions     INTEGER NOT NULL DEFAULT 12 CHECK (min_discussions >= 0),"
  "  discussion_minutes  INTEGER NOT NULL DEFAULT 30 CHECK (discussion_minutes > 0),"
  "  first_contact_days  INTEGER NOT NULL DEFAULT 14 CHECK (first_contact_days >= 0),"
  "  contact_forms       INTEGER NOT NULL DEFAULT 15,"
  "  code_of_conduct     TEXT NOT NULL DEFAULT '',"
  "  confidentiality     TEXT NOT NULL DEFAULT '',"
  "  concerns            TEXT NOT NULL DEFAULT '',"
  "  protected_hours     INTEGER NOT NULL DEFAULT 0 CHECK (protected_hours >= 0),"
  "  recognition         TEXT NOT NULL DEFAULT '',"
  "  peer_support        TEXT NOT NULL DEFAULT '',"
  "  sensitive_enabled   INTEGER NOT NULL DEFAULT 0,"
  "  trashed             INTEGER NOT NULL DEFAULT 0,"
  "  created             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  CHECK (end_date > start_date)"
  ");"
  "CREATE INDEX programme_trashed ON programme (trashed);",

  /* 1 → 2: database-wide settings (the organisation's grade scale, …) */
  "CREATE TABLE setting ("
  "  key    TEXT PRIMARY KEY,"
  "  value  TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 2 → 3: the people directory, grades, enrolments, programme topics */
  "CREATE TABLE grade ("
  "  name      TEXT PRIMARY KEY COLLATE NOCASE,"
  "  position  INTEGER NOT NULL UNIQUE"
  ");"
  "CREATE TABLE person ("
  "  id                  INTEGER PRIMARY KEY,"
  "  uuid                TEXT NOT NULL UNIQUE,"
  "  name                TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email               TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  job_title           TEXT NOT NULL DEFAULT '',"
  "  department          TEXT NOT NULL DEFAULT '',"
  "  location            TEXT NOT NULL DEFAULT '',"
  "  discipline          TEXT NOT NULL DEFAULT '',"
  "  grade               TEXT REFERENCES grade (name) ON UPDATE CASCADE ON DELETE SET NULL,"
  "  role_start          TEXT NOT NULL DEFAULT '',"
  "  org_start           TEXT NOT NULL DEFAULT '',"
  "  responsibilities    TEXT NOT NULL DEFAULT '',"
  "  manager_id          INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  manager_name        TEXT NOT NULL DEFAULT '',"
  "  manager_email       TEXT NOT NULL DEFAULT '',"
  "  role_wanted         TEXT NOT NULL DEFAULT 'either'"
  "                      CHECK (role_wanted IN ('either', 'mentor', 'mentee')),"
  "  strengths           TEXT NOT NULL DEFAULT '',"
  "  development_areas   TEXT NOT NULL DEFAULT '',"
  "  challenges          TEXT NOT NULL DEFAULT '',"
  "  experiences         TEXT NOT NULL DEFAULT '',"
  "  ideal_relationship  TEXT NOT NULL DEFAULT '',"
  "  self_description    TEXT NOT NULL DEFAULT '',"
  "  three_years         TEXT NOT NULL DEFAULT '',"
  "  passions            TEXT NOT NULL DEFAULT '',"
  "  work_life_balance   TEXT NOT NULL DEFAULT '',"
  "  preferred_contact   INTEGER NOT NULL DEFAULT 0,"
  "  hours_per_month     INTEGER NOT NULL DEFAULT 0 CHECK (hours_per_month >= 0),"
  "  time_available      TEXT NOT NULL DEFAULT '',"
  "  capacity            INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 0),"
  "  reverse_meaning     TEXT NOT NULL DEFAULT '',"
  "  topics_offered      TEXT NOT NULL DEFAULT '[]',"
  "  topics_wanted       TEXT NOT NULL DEFAULT '[]',"
  "  age_band            TEXT NOT NULL DEFAULT '',"
  "  gender              TEXT NOT NULL DEFAULT '',"
  "  ethnicity           TEXT NOT NULL DEFAULT '',"
  "  disability          TEXT NOT NULL DEFAULT '',"
  "  created             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  CHECK (manager_id IS NULL OR manager_id <> id)"
  ");"
  "CREATE INDEX person_manager ON person (manager_id);"
  "CREATE INDEX person_grade ON person (grade);"
  "CREATE TABLE enrolment ("
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  enrolled      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  PRIMARY KEY (programme_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX enrolment_person ON enrolment (person_id);"
  "CREATE TABLE programme_topic ("
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  name          TEXT NOT NULL COLLATE NOCASE,"
  "  PRIMARY KEY (programme_id, name)"
  ") WITHOUT ROWID;",

  /* 3 → 4: eligibility rules, overrides, and the programme's pair rules */
  "ALTER TABLE programme ADD COLUMN pair_seniority INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE programme ADD COLUMN pair_discipline INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE eligibility_rule ("
  "  id            INTEGER PRIMARY KEY,"
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  rule_set      TEXT NOT NULL CHECK (rule_set IN ('mentee', 'mentor')),"
  "  grp           INTEGER NOT NULL DEFAULT 0 CHECK (grp >= 0),"
  "  kind          TEXT NOT NULL,"
  "  op            TEXT NOT NULL,"
  "  field         TEXT NOT NULL DEFAULT '',"
  "  vals          TEXT NOT NULL DEFAULT '[]',"
  "  number        INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX eligibility_rule_programme ON eligibility_rule (programme_id);"
  "CREATE TABLE eligibility_override ("
  "  programme_id   INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  rule_set       TEXT NOT NULL CHECK (rule_set IN ('mentee', 'mentor')),"
  "  eligible       INTEGER NOT NULL,"
  "  justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),"
  "  created        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  PRIMARY KEY (programme_id, person_id, rule_set)"
  ") WITHOUT ROWID;",

  /* 4 → 5: matching — settings, pairs and their history, the hard rules */
  "CREATE TABLE match_settings ("
  "  programme_id  INTEGER PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,"
  "  settings      TEXT NOT NULL"
  ");"
  "CREATE TABLE pair ("
  "  id            INTEGER PRIMARY KEY,"
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  /* SET NULL: erasing a person keeps their pairs as anonymous history. */
  "  mentee_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  mentor_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  state         TEXT NOT NULL CHECK (state IN ('proposed', 'approved', 'active', 'ended')),"
  "  score         INTEGER NOT NULL DEFAULT 0,"
  "  locked        INTEGER NOT NULL DEFAULT 0,"
  "  random        INTEGER NOT NULL DEFAULT 0,"
  "  explanation   TEXT NOT NULL DEFAULT '',"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  approved      TEXT,"
  "  ended         TEXT,"
  "  end_kind      TEXT CHECK (end_kind IN ('completed', 'rematched')),"
  "  end_reason    TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX pair_programme ON pair (programme_id, state);"
  "CREATE INDEX pair_people ON pair (mentee_id, mentor_id);"
  "CREATE TABLE forbidden_pair ("
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  mentee_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  mentor_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (programme_id, mentee_id, mentor_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE career_influence ("
  "  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  influencer_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  note           TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (person_id, influencer_id),"
  "  CHECK (person_id <> influencer_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE rematch_priority ("
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  since         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  PRIMARY KEY (programme_id, person_id)"
  ") WITHOUT ROWID;",

  /* 5 → 6: scheduling — per-programme settings and closure days, meetings
   * of pairs and the programme's own sessions (kick-off, closing). A
   * meeting keeps its local wall-clock time and zone, so daylight saving
   * never moves it; uid and sequence are what calendars see. */
  "CREATE TABLE schedule_settings ("
  "  programme_id     INTEGER PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,"
  "  tzid             TEXT NOT NULL DEFAULT '',"
  "  meeting_time     TEXT NOT NULL DEFAULT '10:00'"
  "                   CHECK (meeting_time GLOB '[0-2][0-9]:[0-5][0-9]' AND meeting_time < '24:00'),"
  "  kickoff_minutes  INTEGER NOT NULL DEFAULT 120 CHECK (kickoff_minutes BETWEEN 15 AND 480),"
  "  closing_minutes  INTEGER NOT NULL DEFAULT 90 CHECK (closing_minutes BETWEEN 15 AND 480)"
  ");"
  "CREATE TABLE closure_day ("
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  label         TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (programme_id, day)"
  ") WITHOUT ROWID;"
  "CREATE TABLE meeting ("
  "  id            INTEGER PRIMARY KEY,"
  "  uid           TEXT NOT NULL UNIQUE,"
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  /* NULL for the programme's own sessions, shared by every pair. */
  "  pair_id       INTEGER REFERENCES pair (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('first-contact', 'first-meeting', 'regular',"
  "                                              'kick-off', 'closing')),"
  "  start_local   TEXT NOT NULL"
  "                CHECK (start_local GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),"
  "  tzid          TEXT NOT NULL DEFAULT '',"
  "  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),"
  "  contact_form  TEXT NOT NULL DEFAULT ''"
  "                CHECK (contact_form IN ('', 'in-person', 'video', 'phone', 'email')),"
  "  place         TEXT NOT NULL DEFAULT '',"
  "  link          TEXT NOT NULL DEFAULT '',"
  "  agenda        TEXT NOT NULL DEFAULT '',"
  "  status        TEXT NOT NULL DEFAULT 'planned'"
  "                CHECK (status IN ('planned', 'held', 'missed', 'cancelled')),"
  "  held_minutes  INTEGER CHECK (held_minutes BETWEEN 1 AND 1440),"
  "  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  CHECK ((pair_id IS NULL) = (kind IN ('kick-off', 'closing'))),"
  "  CHECK ((status = 'held') = (held_minutes IS NOT NULL))"
  ");"
  "CREATE INDEX meeting_pair ON meeting (pair_id, start_local);"
  "CREATE INDEX meeting_programme ON meeting (programme_id, start_local);"
  "CREATE UNIQUE INDEX meeting_session ON meeting (programme_id, kind) WHERE pair_id IS NULL;",

  /* 6 → 7: the pair workspace — agreement, action plan, diary, worksheets
   * with their history, closing. Everything hangs off a pair and goes with it. */
  "CREATE TABLE agreement ("
  "  pair_id                 INTEGER PRIMARY KEY REFERENCES pair (id) ON DELETE CASCADE,"
  "  mentee_gains            TEXT NOT NULL DEFAULT '',"
  "  mentor_offers           TEXT NOT NULL DEFAULT '',"
  "  unrealistic             TEXT NOT NULL DEFAULT '',"
  "  meetings_per_month      INTEGER NOT NULL DEFAULT 1"
  "                          CHECK (meetings_per_month BETWEEN 1 AND 8),"
  "  contact_forms           INTEGER NOT NULL DEFAULT 15,"
  "  confidentiality_agreed  INTEGER NOT NULL DEFAULT 0,"
  "  reassignment            TEXT NOT NULL DEFAULT '',"
  "  end_date                TEXT NOT NULL DEFAULT '',"
  "  mentee_accepted         TEXT NOT NULL DEFAULT '',"  /* the date, or '' */
  "  mentor_accepted         TEXT NOT NULL DEFAULT '',"
  "  modified                TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE TABLE plan_goal ("
  "  id          INTEGER PRIMARY KEY,"
  "  pair_id     INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  specific    TEXT NOT NULL DEFAULT '',"
  "  measurable  TEXT NOT NULL DEFAULT '',"
  "  achievable  TEXT NOT NULL DEFAULT '',"
  "  relevant    TEXT NOT NULL DEFAULT '',"
  "  time_bound  TEXT NOT NULL DEFAULT '',"
  "  achieved    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX plan_goal_pair ON plan_goal (pair_id, position);"
  "CREATE TABLE plan_benchmark ("
  "  id           INTEGER PRIMARY KEY,"
  "  goal_id      INTEGER NOT NULL REFERENCES plan_goal (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  description  TEXT NOT NULL CHECK (length(trim(description)) > 0),"
  "  due_date     TEXT NOT NULL DEFAULT '',"
  "  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped'))"
  ");"
  "CREATE INDEX plan_benchmark_goal ON plan_benchmark (goal_id, position);"
  /* meeting_id names a meeting of the schedule's log; no foreign key, so
   * the diary does not depend on how meetings are kept. */
  "CREATE TABLE diary_entry ("
  "  id           INTEGER PRIMARY KEY,"
  "  pair_id      INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,"
  "  date         TEXT NOT NULL CHECK (length(date) = 10),"
  "  meeting_id   INTEGER,"
  "  topics       TEXT NOT NULL DEFAULT '',"
  "  reflections  TEXT NOT NULL DEFAULT '',"
  "  actions      TEXT NOT NULL DEFAULT '',"
  "  raised_by    TEXT NOT NULL DEFAULT 'mentee' CHECK (raised_by IN ('mentee', 'mentor', 'both')),"
  "  actions_by   TEXT NOT NULL DEFAULT 'mentee' CHECK (actions_by IN ('mentee', 'mentor', 'both')),"
  "  created      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX diary_entry_pair ON diary_entry (pair_id, date);"
  /* Every save of a worksheet is a new version; content is the form as JSON. */
  "CREATE TABLE worksheet ("
  "  id        INTEGER PRIMARY KEY,"
  "  pair_id   INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,"
  "  kind      TEXT NOT NULL CHECK (kind IN ('grow', 'swot', 'sand', 'force-field')),"
  "  version   INTEGER NOT NULL CHECK (version >= 1),"
  "  saved     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  content   TEXT NOT NULL,"
  "  UNIQUE (pair_id, kind, version)"
  ");"
  "CREATE TABLE pair_closure ("
  "  pair_id         INTEGER PRIMARY KEY REFERENCES pair (id) ON DELETE CASCADE,"
  "  goals_reviewed  INTEGER NOT NULL DEFAULT 0,"
  "  covered         TEXT NOT NULL DEFAULT '',"
  "  mentee_started  TEXT NOT NULL DEFAULT '',"
  "  mentee_reached  TEXT NOT NULL DEFAULT '',"
  "  mentor_started  TEXT NOT NULL DEFAULT '',"
  "  mentor_reached  TEXT NOT NULL DEFAULT '',"
  "  mentee_gained   TEXT NOT NULL DEFAULT '',"
  "  mentee_worked   TEXT NOT NULL DEFAULT '',"
  "  mentee_change   TEXT NOT NULL DEFAULT '',"
  "  mentee_next     TEXT NOT NULL DEFAULT '',"
  "  mentor_gained   TEXT NOT NULL DEFAULT '',"
  "  mentor_worked   TEXT NOT NULL DEFAULT '',"
  "  mentor_change   TEXT NOT NULL DEFAULT '',"
  "  mentor_next     TEXT NOT NULL DEFAULT '',"
  "  closed          TEXT NOT NULL DEFAULT ''"  /* the date, or '' */
  ");",

  /* 7 → 8: evaluation — questionnaires in versions, responses and their
   * answers. Editing a questionnaire adds a version; a response keeps
   * pointing at the version it answered, so old answers stay readable.
   * A question's key is stable across versions, so answers to the same
   * question in two versions count together. */
  "CREATE TABLE questionnaire ("
  "  id            INTEGER PRIMARY KEY,"
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  slug          TEXT NOT NULL CHECK (slug IN ('mentor-midpoint', 'mentor-final', "
  "                                                'mentee-midpoint', 'mentee-final', 'programme')),"
  "  version       INTEGER NOT NULL CHECK (version >= 1),"
  "  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  intro         TEXT NOT NULL DEFAULT '',"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  UNIQUE (programme_id, slug, version)"
  ");"
  "CREATE TABLE question ("
  "  id                INTEGER PRIMARY KEY,"
  "  questionnaire_id  INTEGER NOT NULL REFERENCES questionnaire (id) ON DELETE CASCADE,"
  "  position          INTEGER NOT NULL,"
  "  key               TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND length(key) <= 40),"
  "  text              TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  type              TEXT NOT NULL CHECK (type IN ('scale', 'yes-no', 'text')),"
  "  criterion         TEXT NOT NULL DEFAULT '' CHECK (criterion IN ('', 'process', 'content', 'outcome')),"
  "  UNIQUE (questionnaire_id, key),"
  "  UNIQUE (questionnaire_id, position)"
  ");"
  "CREATE TABLE response ("
  "  id                INTEGER PRIMARY KEY,"
  "  questionnaire_id  INTEGER NOT NULL REFERENCES questionnaire (id) ON DELETE CASCADE,"
  /* SET NULL: erasing a person keeps their answers as anonymous figures. */
  "  respondent_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  pair_id           INTEGER REFERENCES pair (id) ON DELETE SET NULL,"
  "  named             INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),"
  "  source            TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'html', 'csv')),"
  "  submitted         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX response_questionnaire ON response (questionnaire_id, respondent_id, pair_id);"
  "CREATE TABLE answer ("
  "  response_id  INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,"
  "  question_id  INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
  "  number       INTEGER CHECK (number BETWEEN 0 AND 5),"
  "  text         TEXT,"
  "  CHECK ((number IS NULL) <> (text IS NULL)),"
  "  PRIMARY KEY (response_id, question_id)"
  ") WITHOUT ROWID;",

  /* 8 → 9: the person's staff group, professional background (used by
   * eligibility and matching) and positive-action target group (sensitive) */
  "ALTER TABLE person ADD COLUMN staff_group TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN background TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN target_group TEXT NOT NULL DEFAULT '';",
};

/* Tests may pretend to be a newer build to exercise migrations. */
static int
schema_version_for_build (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
set_error_from_db (sqlite3     *db,
                   int          rc,
                   const char  *path,
                   GError     **error)
{
  int code;
  int primary = rc & 0xff;
  const char *msg = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_NOTADB:
      code = PW_STORE_ERROR_NOT_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = PW_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = PW_STORE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = PW_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:
      code = PW_STORE_ERROR_IO;
      break;
    default:
      code = PW_STORE_ERROR_FAILED;
      break;
    }

  switch (code)
    {
    case PW_STORE_ERROR_NOT_DATABASE:
      g_set_error (error, PW_STORE_ERROR, code,
                   _("%s: not a Pairwise database (it is not an SQLite file). "
                     "Choose another file with --db; this one was not changed."),
                   path);
      break;
    case PW_STORE_ERROR_CORRUPT:
      g_set_error (error, PW_STORE_ERROR, code,
                   _("%s: the database is damaged (%s). Restore it from a backup; "
                     "the file was not changed."),
                   path, msg);
      break;
    case PW_STORE_ERROR_BUSY:
      g_set_error (error, PW_STORE_ERROR, code,
                   _("%s: another program kept the database busy for more than "
                     "%d seconds. Close it or try again; nothing was changed."),
                   path, BUSY_TIMEOUT_MS / 1000);
      break;
    default:
      g_set_error (error, PW_STORE_ERROR, code, "%s: %s", path, msg);
      break;
    }

  return FALSE;
}

static gboolean
file_is_sqlite_or_empty (const char  *path,
                         gboolean    *exists,
                         GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }

      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                   _("%s: cannot read the database (%s). Check the file's permissions."),
                   path, g_strerror (saved));
      return FALSE;
    }

  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    return TRUE;

  if (n != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE,
                   _("%s: not a Pairwise database (it is not an SQLite file). "
                     "Choose another file with --db; this one was not changed."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                   _("%s: cannot create the folder (%s)."), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                   _("%s: cannot create the database (%s)."), path, g_strerror (saved));
      return FALSE;
    }

  /* Whatever the umask, the data is confidential: owner only. */
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static gboolean
exec_sql (PwStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error_from_db (self->db, rc, self->path, error);

  return TRUE;
}

static gboolean
query_int (PwStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return set_error_from_db (self->db, rc, self->path, error);
}

static gboolean
backup_before_migration (PwStore     *self,
                         int          from_version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup_op;
  int rc;

  if (!create_private_file (backup, error))
    return FALSE;

  rc = sqlite3_open_v2 (backup, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (dest);
      g_unlink (backup);
      return set_error_from_db (NULL, rc, backup, error);
    }

  backup_op = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup_op == NULL)
    {
      set_error_from_db (dest, sqlite3_errcode (dest), backup, error);
      sqlite3_close (dest);
      g_unlink (backup);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup_op, -1);
  sqlite3_backup_finish (backup_op);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (dest, rc, backup, error);
      sqlite3_close (dest);
      g_unlink (backup);
      return FALSE;
    }

  sqlite3_close (dest);
  g_free (self->backup_path);
  self->backup_path = g_strdup (backup);
  g_debug ("Backed up %s to %s before migrating", self->path, backup);
  return TRUE;
}

static gboolean
migrate (PwStore     *self,
         int          target,
         GError     **error)
{
  for (int v = self->version; v < target; v++)
    {
      g_autofree char *set_version = NULL;

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* user_version cannot be a bound parameter; it is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!exec_sql (self, migrations[v], error) ||
          !exec_sql (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Updating the database to version %d failed: "), v + 1);
          return FALSE;
        }

      if (!exec_sql (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      self->version = v + 1;
    }

  return TRUE;
}

static void
pw_store_finalize (GObject *object)
{
  PwStore *self = (PwStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Fold the WAL back into the main file so a copy of it alone is whole. */
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (pw_store_parent_class)->finalize (object);
}

static void
pw_store_class_init (PwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_store_finalize;

  /**
   * PwStore::changed:
   * @table: the table whose rows changed
   *
   * Emitted after a committed change, so that lists can refresh.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pw_store_init (PwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

GQuark
pw_store_error_quark (void)
{
  return g_quark_from_static_string ("pw-store-error-quark");
}

int
pw_store_schema_version (void)
{
  return schema_version_for_build ();
}

/**
 * pw_store_default_path:
 *
 * Returns: (transfer full): where the database lives when nothing else is
 * asked for: `$XDG_DATA_HOME/pairwise/pairwise.db`.
 */
char *
pw_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pairwise", "pairwise.db", NULL);
}

/**
 * pw_store_resolve_path:
 * @cli_path: (nullable): the path given with `--db`
 *
 * Returns: (transfer full): `--db` first, then `$PAIRWISE_DB`, then the
 * default path.
 */
char *
pw_store_resolve_path (const char *cli_path)
{
  const char *env;

  if (cli_path != NULL && cli_path[0] != '\0')
    return g_strdup (cli_path);

  env = g_getenv ("PAIRWISE_DB");
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return pw_store_default_path ();
}

/**
 * pw_store_open:
 * @path: a file name, or ":memory:" for a private in-memory database
 * @error: return location for a #GError
 *
 * Opens or creates the database and brings its schema up to date. A file
 * that is not SQLite, is damaged, or was written by a newer Pairwise is
 * refused and left exactly as it was. A new file is created mode 0600.
 * Before an existing database is migrated, a copy is taken with SQLite's
 * backup API next to it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PwStore *
pw_store_open (const char  *path,
               GError     **error)
{
  return pw_store_open_full (path, schema_version_for_build (), error);
}

/* Opens and migrates up to @target only: tests build older databases so. */
PwStore *
pw_store_open_full (const char  *path,
                    int          target,
                    GError     **error)
{
  g_autoptr(PwStore) self = NULL;
  gboolean in_memory;
  gboolean exists = FALSE;
  int objects = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (target >= 1 && target <= schema_version_for_build (), NULL);

  in_memory = g_str_equal (path, ":memory:");

  if (!in_memory)
    {
      if (!file_is_sqlite_or_empty (path, &exists, error))
        return NULL;

      if (!exists && !create_private_file (path, error))
        return NULL;
    }

  self = g_object_new (PW_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                        (in_memory ? SQLITE_OPEN_CREATE : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, rc, path, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read before writing anything: a file we must refuse stays untouched. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, error) ||
      !query_int (self, "PRAGMA user_version", &self->version, error))
    return NULL;

  if (self->version > target)
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW,
                   _("%s: this database was written by a newer version of Pairwise "
                     "(schema %d; this version reads up to %d). Update Pairwise to "
                     "open it; the file was not changed."),
                   path, self->version, target);
      return NULL;
    }

  if (self->version == 0 && objects > 0)
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE,
                   _("%s: this SQLite file is not a Pairwise database. Choose another "
                     "file with --db; this one was not changed."),
                   path);
      return NULL;
    }

  if (!in_memory && !exec_sql (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  /* No memory-mapped I/O (PRAGMA mmap_size), although it would save a few
   * milliseconds listing 5,000 people: with a mapped file an I/O error or a
   * file truncated underneath becomes SIGBUS and loses unsaved work, where
   * SQLite's reads report an error the app can show. */

  if (self->version < target)
    {
      if (self->version > 0 && !in_memory &&
          !backup_before_migration (self, self->version, error))
        return NULL;

      if (!migrate (self, target, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
pw_store_get_path (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return self->path;
}

/**
 * pw_store_get_backup_path:
 *
 * Returns: (nullable): the copy taken before this open migrated the schema
 */
const char *
pw_store_get_backup_path (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return self->backup_path;
}

int
pw_store_get_version (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), 0);

  return self->version;
}

/**
 * pw_store_begin:
 *
 * Starts the transaction around one user action. Takes the write lock at
 * once (BEGIN IMMEDIATE) so two writers wait for each other instead of
 * failing half-way.
 */
gboolean
pw_store_begin (PwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
pw_store_commit (PwStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec_sql (self, "COMMIT", error))
    {
      pw_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

void
pw_store_rollback (PwStore *self)
{
  g_return_if_fail (PW_IS_STORE (self));

  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  self->in_transaction = FALSE;
}

gboolean
pw_store_in_transaction (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  return self->in_transaction;
}

/**
 * pw_store_prepare:
 * @sql: a statement with `?` parameters; must be a string that lives as
 *   long as the store (a literal), since it keys the statement cache
 *
 * Returns: (transfer none): a cached statement, reset and with its
 * bindings cleared, or %NULL with @error set
 */
sqlite3_stmt *
pw_store_prepare (PwStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, rc, self->path, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/**
 * pw_store_step:
 *
 * Returns: %SQLITE_ROW or %SQLITE_DONE, or -1 with @error set
 */
int
pw_store_step (PwStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), -1);
  g_return_val_if_fail (stmt != NULL, -1);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  set_error_from_db (self->db, rc, self->path, error);
  sqlite3_reset (stmt);
  return -1;
}

/* For fixed SQL without parameters (schema, pragmas). */
gboolean
pw_store_exec (PwStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  return exec_sql (self, sql, error);
}

gint64
pw_store_last_insert_id (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

int
pw_store_changes (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), 0);

  return sqlite3_changes (self->db);
}

gboolean
pw_store_set_error (PwStore  *self,
                    int       rc,
                    GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  return set_error_from_db (self->db, rc, self->path, error);
}

void
pw_store_emit_changed (PwStore    *self,
                       const char *table)
{
  g_return_if_fail (PW_IS_STORE (self));
  g_return_if_fail (table != NULL);

  g_signal_emit (self, signals [CHANGED], g_quark_from_string (table), table);
}

/* Backups and restoring them ------------------------------------------- */

#define BACKUP_PREFIX "pairwise-"
#define BACKUP_SUFFIX ".db"

void
pw_backup_free (PwBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->modified, g_date_time_unref);
  g_free (backup);
}

/* Copies @src into a new private file at @dest through a temporary name, so
 * that a crash half-way never leaves a partial file under a backup's name.
 * The copy is a single self-contained file (rollback journal, not WAL). */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".part", NULL);
  sqlite3 *db = NULL;
  sqlite3_backup *op;
  int rc;

  g_unlink (tmp);
  if (!create_private_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      op = sqlite3_backup_init (db, "main", src, "main");
      if (op == NULL)
        rc = sqlite3_errcode (db);
      else
        {
          /* The source may be written by another program meanwhile: the
           * backup restarts, and busy waits, within the usual timeout. */
          do
            {
              rc = sqlite3_backup_step (op, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (op);
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        }
    }

  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, rc, dest, error);
      sqlite3_close (db);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close (db);

  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                   _("%s: cannot write the backup (%s)."), dest, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static char *
backup_path_for (const char *dir,
                 gboolean    with_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, with_time ? "%Y%m%d-%H%M%S" : "%Y%m%d");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * pw_store_default_backup_dir:
 *
 * Returns: (transfer full): the folder that holds the database's backups:
 * `backups` next to it, so `$XDG_DATA_HOME/pairwise/backups` for the
 * default database, and never a folder shared by two databases.
 */
char *
pw_store_default_backup_dir (PwStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * pw_store_backup_now:
 * @dir: the backup folder, created mode 0700 if needed
 *
 * Copies the database with SQLite's backup API to
 * `@dir/pairwise-YYYYMMDD.db` (mode 0600), replacing a backup taken earlier
 * the same day.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
pw_store_backup_now (PwStore     *self,
                     const char  *dir,
                     GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = backup_path_for (dir, FALSE);
  if (!copy_database (self->db, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const PwBackup *ba = *(const PwBackup * const *)a;
  const PwBackup *bb = *(const PwBackup * const *)b;
  int c = g_date_time_compare (bb->modified, ba->modified);

  return c != 0 ? c : g_strcmp0 (bb->path, ba->path);
}

/**
 * pw_store_list_backups:
 * @dir: the backup folder
 *
 * A folder that does not exist holds no backups; that is not an error.
 *
 * Returns: (transfer full) (element-type PwBackup): the backups, newest
 * first, or %NULL with @error set
 */
GPtrArray *
pw_store_list_backups (const char  *dir,
                       GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_backup_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                   _("%s: cannot list the backups (%s)."), dir, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      GStatBuf st;
      PwBackup *backup;
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX) ||
          !g_ascii_isdigit (name[strlen (BACKUP_PREFIX)]))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (PwBackup, 1);
      backup->path = g_steal_pointer (&path);
      {
        g_autoptr(GDateTime) second = g_date_time_new_from_unix_local (st.st_mtime);

        /* To the microsecond: two backups may be taken within a second. */
        backup->modified = g_date_time_add (second, st.st_mtim.tv_nsec / 1000);
      }
      backup->size = st.st_size;
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_backups);
  return g_steal_pointer (&backups);
}

/**
 * pw_store_prune_backups:
 * @keep: how many of the newest backups to keep
 *
 * Deletes the older backups in @dir.
 */
gboolean
pw_store_prune_backups (const char  *dir,
                        guint        keep,
                        GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  backups = pw_store_list_backups (dir, error);
  if (backups == NULL)
    return FALSE;

  for (guint i = keep; i < backups->len; i++)
    {
      PwBackup *backup = g_ptr_array_index (backups, i);

      if (g_unlink (backup->path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                       _("%s: cannot delete the old backup (%s)."), backup->path, g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

/* The daily backup from the connection @src: due when the
 * newest backup in @dir is more than a day old (or there is none). */
static gboolean
backup_if_due (sqlite3       *src,
               const char    *dir,
               char         **out_path,
               GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;

  backups = pw_store_list_backups (dir, error);
  if (backups == NULL)
    return FALSE;

  if (backups->len > 0 &&
      g_date_time_difference (now, ((PwBackup *)g_ptr_array_index (backups, 0))->modified) < G_TIME_SPAN_DAY)
    return TRUE;

  path = backup_path_for (dir, FALSE);
  if (!copy_database (src, path, error) ||
      !pw_store_prune_backups (dir, PW_STORE_BACKUPS_KEPT, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;
}

/**
 * pw_store_backup_if_due:
 * @dir: the backup folder
 * @out_path: (out) (optional) (transfer full): the new backup, or %NULL
 *   when none was due
 *
 * Takes a backup when the newest one in @dir is more than a day old (or
 * there is none), then keeps the newest %PW_STORE_BACKUPS_KEPT.
 *
 * Returns: %FALSE with @error set if a due backup failed
 */
gboolean
pw_store_backup_if_due (PwStore     *self,
                        const char  *dir,
                        char       **out_path,
                        GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  /* Nothing to keep in a private in-memory database. */
  if (g_str_equal (self->path, ":memory:"))
    return TRUE;

  return backup_if_due (self->db, dir, out_path, error);
}

typedef struct
{
  char *db_path;
  char *dir;
} BackupData;

static void
backup_data_free (gpointer data)
{
  BackupData *d = data;

  g_free (d->db_path);
  g_free (d->dir);
  g_free (d);
}

/* In the worker: a connection of its own, read-only, so the main thread's
 * connection is never shared between threads. In WAL mode it reads a
 * consistent snapshot while the main thread goes on writing. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupData *d = task_data;
  g_autofree char *path = NULL;
  GError *error = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (g_task_return_error_if_cancelled (task))
    return;

  rc = sqlite3_open_v2 (d->db_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, rc, d->db_path, &error);
      sqlite3_close (db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!backup_if_due (db, d->dir, &path, &error))
    {
      sqlite3_close (db);
      g_task_return_error (task, error);
      return;
    }

  sqlite3_close (db);
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

/**
 * pw_store_backup_if_due_async:
 * @dir: the backup folder
 *
 * pw_store_backup_if_due() in a worker thread, with a connection of its
 * own: the daily backup of a large database never holds up the window.
 */
void
pw_store_backup_if_due_async (PwStore             *self,
                              const char          *dir,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupData *d;

  g_return_if_fail (PW_IS_STORE (self));
  g_return_if_fail (dir != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_store_backup_if_due_async);

  /* Nothing to keep in a private in-memory database. */
  if (g_str_equal (self->path, ":memory:"))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  d = g_new0 (BackupData, 1);
  d->db_path = g_strdup (self->path);
  d->dir = g_strdup (dir);
  g_task_set_task_data (task, d, backup_data_free);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * pw_store_backup_if_due_finish:
 * @out_path: (out) (optional) (transfer full): the new backup, or %NULL
 *   when none was due
 *
 * Returns: %FALSE with @error set if a due backup failed or was cancelled
 */
gboolean
pw_store_backup_if_due_finish (PwStore       *self,
                               GAsyncResult  *result,
                               char         **out_path,
                               GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pw_store_backup_if_due_async, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  path = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;
}

/* A backup we may restore: SQLite, whole, a Pairwise schema we can read. */
static gboolean
check_restorable (const char  *path,
                  sqlite3    **out_db,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;
  int version = -1;
  int rc;

  if (!file_is_sqlite_or_empty (path, &exists, error))
    return FALSE;

  if (!exists)
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
                   _("%s: no such backup. List them with “pairwise-cli backup list”."), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (sqlite3_step (stmt) != SQLITE_ROW ||
                          g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0))
    rc = SQLITE_CORRUPT;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, rc, path, error);
      sqlite3_close (db);
      return FALSE;
    }

  if (version < 1 || version > schema_version_for_build ())
    {
      g_set_error (error, PW_STORE_ERROR,
                   version < 1 ? PW_STORE_ERROR_NOT_DATABASE : PW_STORE_ERROR_TOO_NEW,
                   version < 1
                   ? _("%s: not a Pairwise database; nothing was restored.")
                   : _("%s: written by a newer version of Pairwise; nothing was restored."),
                   path);
      sqlite3_close (db);
      return FALSE;
    }

  *out_db = db;
  return TRUE;
}

/**
 * pw_store_restore:
 * @backup: the backup file to restore
 * @dir: the backup folder, where the current database is copied first
 * @out_saved: (out) (optional) (transfer full): that copy's path
 *
 * Replaces the whole database with @backup, in place, through SQLite's
 * backup API, so the store stays open and other programs see either the
 * old or the new contents. A backup from an older Pairwise is brought up
 * to date. Before anything changes the current database is itself saved
 * in @dir as `pairwise-YYYYMMDD-HHMMSS.db`. Refuses a file that is not a
 * whole Pairwise database and then changes nothing.
 */
gboolean
pw_store_restore (PwStore     *self,
                  const char  *backup,
                  const char  *dir,
                  char       **out_saved,
                  GError     **error)
{
  g_autofree char *saved = NULL;
  sqlite3 *src = NULL;
  sqlite3_backup *op;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!check_restorable (backup, &src, error))
    return FALSE;

  saved = backup_path_for (dir, TRUE);
  if (!copy_database (self->db, saved, error))
    {
      sqlite3_close (src);
      return FALSE;
    }

  /* Cached statements would hold read locks and old schema: drop them. */
  g_hash_table_remove_all (self->statements);

  op = sqlite3_backup_init (self->db, "main", src, "main");
  if (op == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      rc = sqlite3_backup_step (op, -1);
      sqlite3_backup_finish (op);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close (src);

  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, rc, self->path, error);
      g_prefix_error (error, _("Restoring %s failed; the database was not changed: "), backup);
      return FALSE;
    }

  if (!query_int (self, "PRAGMA user_version", &self->version, error) ||
      !migrate (self, schema_version_for_build (), error))
    return FALSE;

  if (out_saved != NULL)
    *out_saved = g_steal_pointer (&saved);

  pw_store_emit_changed (self, "*");
  return TRUE;
}
