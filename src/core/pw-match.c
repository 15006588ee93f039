/* pw-match.c — scoring pairs, the hard rules, solving and explaining
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-match"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-enums.h"
#include "pw-match.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

G_DEFINE_QUARK (pw-match-error-quark, pw_match_error)

/* Why a pair is not allowed. Zero is "allowed"; the order is the order of
 * the diagnosis an unmatched person reads. */
typedef enum
{
  BLOCK_NONE,
  BLOCK_SELF,
  BLOCK_CHAIN,
  BLOCK_INFLUENCE,
  BLOCK_ENDED,
  BLOCK_FORBIDDEN,
  BLOCK_SENIORITY,
  BLOCK_DISCIPLINE,
  BLOCK_TAKEN,     /* already in an approved or active pair */
  N_BLOCKS
} Block;

/* Everyone a run needs to know about one person, computed once. */
typedef struct
{
  /* Read for every pair, so together at the start: the pair loop then
   * touches two cache lines of each person, not the whole record. */
  gint64    id;
  guint64   offered_mask;        /* topics as bits, when the run has ≤ 64 */
  guint64   wanted_mask;
  guint64   word_bits[2];        /* the words, hashed onto 128 bits */
  GQuark    attrs[PW_N_ATTRS];   /* casefolded value, 0 when not given */
  guint     given;               /* bit a: attrs[a] is given and counts in this run */
  guint     discipline;          /* the discipline, ASCII-lowercased and numbered; 0 if none */
  int       grade;               /* position on the scale, -1 if none */
  int       role_months;         /* -1 if unknown */
  int       contact;
  int       hours;
  guint     n_wanted;
  guint     has_words;
  guint8    priority;
  guint8    exceptions;          /* bits: this person's id opens a key in a pair set */
  guint8    managing;            /* above someone of the run in a reporting line */
  /* Read once, or for a few pairs. */
  PwPerson *person;
  int       room;                /* mentors: capacity less approved and active pairs */
  GQuark   *offered;             /* casefolded topics, sorted */
  guint     n_offered;
  GQuark   *wanted;
  gint64    chain[16];           /* managers up the reporting line */
  guint     n_chain;
} Side;

/* A mentee's two best allowed mentors by score (without priority bonus),
 * the lower index first among equals, noted while the row is scored: the
 * runner-up of an explanation is one of them. -1 for none. */
typedef struct
{
  int score[2];
  int mentor[2];
} RowBest;

struct _PwMatchRun
{
  PwStore         *store;
  PwProgramme     *programme;
  PwMatchSettings  settings;
  PwEligibility   *eligibility;
  GArray          *mentees;    /* Side */
  GArray          *mentors;    /* Side */
  guint8          *blocks;     /* n_mentees × n_mentors Block */
  PwSolverProblem *problem;
  PwSolverResult  *result;
  GHashTable      *managers;   /* person id → manager id (whole directory) */
  GHashTable      *influence;  /* "a:b" both ways */
  GHashTable      *ended;      /* "a:b" both ways, every programme */
  GHashTable      *forbidden;  /* "mentee:mentor" in this programme */
  GHashTable      *locks;      /* "mentee:mentor" of locked proposals */
  gboolean         random;
  guint64          seed;
  guint           *loads;      /* mentees each mentor got in the last solve */
  PwProgrammeKind  kind;       /* read once: scoring asks for them per pair */
  gboolean         sensitive;
  gboolean         topic_masks; /* every side's topics are in its masks */
  GHashTable      *words_ids;   /* casefolded text → its number in this run */
  GHashTable      *raw_ids;     /* text as given → the number of its casefolded form */
  GHashTable      *ascii_ids;   /* ASCII-lowercased text → its number (disciplines) */
  GHashTable      *grades;      /* grade name → position + 1 (0: not on the scale) */
  GHashTable      *exceptions;  /* person id → EXCEPT_ bits */
  GDate           *today;
  /* Read once, for the hard rules and scores of millions of pairs. */
  gboolean         turkic;      /* the locale lowercases "I" to "ı" */
  PwPairSeniority  seniority;
  PwPairDiscipline discipline;
  guint            wish_mask;       /* bit a: the coordinator asks same or different */
  guint            same_wish_mask;  /* bit a: the coordinator asks same */
  int              hours_max;       /* the most hours anyone gives, for the table below */
  guint8          *hours_ratio;     /* (hours_max + 1)², 100 × min / max; NULL if too large */
  gint32          *mentor_bonus;    /* per mentor: the priority bonus in the matrix, or 0 */
  guint8          *gap_table;       /* gap_value() by (grade + 1)², when grades are few */
  RowBest         *row_best;        /* per mentee: the two best allowed mentors */
  int              gap_stride;
};


/* Bits of Side.exceptions: which pair sets the person opens a key of. */
enum
{
  EXCEPT_INFLUENCE = 1 << 0,
  EXCEPT_ENDED     = 1 << 1,
  EXCEPT_FORBIDDEN = 1 << 2,
  EXCEPT_LOCK      = 1 << 3,
};

/* 100 × k / n for 0 ≤ k ≤ n ≤ 64, and 50 for n = 0 ("nothing to go on"):
 * the shares the criteria take, without a division per pair. */
static guint8 share_table[65][65];

static void
share_table_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint n = 0; n <= 64; n++)
        for (guint k = 0; k <= n; k++)
          share_table[n][k] = n == 0 ? 50 : (guint8)(100 * k / n);
      g_once_init_leave (&done, 1);
    }
}

/* Bits set in a value below 2^9 (the attributes). */
G_STATIC_ASSERT (PW_N_ATTRS <= 9);
static const guint8 bits9[512] = {
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2 (n), B2 (n + 1), B2 (n + 1), B2 (n + 2)
#define B6(n) B4 (n), B4 (n + 1), B4 (n + 1), B4 (n + 2)
#define B8(n) B6 (n), B6 (n + 1), B6 (n + 1), B6 (n + 2)
  B8 (0), B8 (1)
#undef B2
#undef B4
#undef B6
#undef B8
};

static const char * const criterion_names[PW_N_CRITERIA] = {
  "topics", "gap", "similarity", "balance", "contact", "growth"
};

const char *
pw_criterion_name (PwCriterion criterion)
{
  g_return_val_if_fail (criterion < PW_N_CRITERIA, NULL);

  return criterion_names[criterion];
}

const char *
pw_criterion_label (PwCriterion criterion)
{
  switch (criterion)
    {
    case PW_CRITERION_TOPICS:     return _("Topic fit");
    case PW_CRITERION_GAP:        return _("Generational gap");
    case PW_CRITERION_SIMILARITY: return _("Similarity");
    case PW_CRITERION_BALANCE:    return _("Similarity balance");
    case PW_CRITERION_CONTACT:    return _("Contact and time");
    case PW_CRITERION_GROWTH:     return _("Strengths for growth");
    case PW_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char * const attribute_names[PW_N_ATTRS] = {
  "department", "location", "discipline", "background", "staff-group",
  "age-band", "gender", "ethnicity", "disability"
};

static const PwPersonFieldId attribute_fields[PW_N_ATTRS] = {
  PW_PERSON_FIELD_DEPARTMENT, PW_PERSON_FIELD_LOCATION, PW_PERSON_FIELD_DISCIPLINE,
  PW_PERSON_FIELD_BACKGROUND, PW_PERSON_FIELD_STAFF_GROUP, PW_PERSON_FIELD_AGE_BAND, PW_PERSON_FIELD_GENDER, PW_PERSON_FIELD_ETHNICITY,
  PW_PERSON_FIELD_DISABILITY,
};

const char *
pw_attribute_label (PwAttribute attribute)
{
  g_return_val_if_fail (attribute < PW_N_ATTRS, NULL);

  return pw_person_field_label (attribute_names[attribute]);
}

static gboolean
attribute_is_sensitive (PwAttribute attribute)
{
  return attribute >= PW_ATTR_AGE_BAND;
}

void
pw_match_settings_init (PwMatchSettings *s)
{
  memset (s, 0, sizeof *s);
  s->weights[PW_CRITERION_TOPICS] = 10;
  s->weights[PW_CRITERION_GAP] = 6;
  s->weights[PW_CRITERION_SIMILARITY] = 4;
  s->weights[PW_CRITERION_BALANCE] = 3;
  s->weights[PW_CRITERION_CONTACT] = 4;
  s->weights[PW_CRITERION_GROWTH] = 2;
  /* Reverse mentoring crosses departments: learning lives in contrast. */
  s->similar[PW_ATTR_DEPARTMENT] = PW_SIMILAR_DIFFERENT;
  s->similar[PW_ATTR_LOCATION] = PW_SIMILAR_IGNORE;
  s->similar[PW_ATTR_DISCIPLINE] = PW_SIMILAR_IGNORE;
  s->min_gap = 2;
  s->band_low = 20;
  s->band_high = 80;
  s->policy = PW_SOLVER_POLICY_COVERAGE;
}

static const char * const wish_names[] = { "ignore", "same", "different" };

gboolean
pw_match_settings_load (PwStore          *store,
                        gint64            programme_id,
                        PwMatchSettings  *s,
                        GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  pw_match_settings_init (s);

  stmt = pw_store_prepare (store, "SELECT settings FROM match_settings WHERE programme_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    root = json_from_string ((const char *)sqlite3_column_text (stmt, 0), NULL);
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonObject *w = json_object_get_object_member (o, "weights");
      JsonObject *sim = json_object_get_object_member (o, "similarity");

      for (guint c = 0; w && c < PW_N_CRITERIA; c++)
        s->weights[c] = CLAMP (json_object_get_int_member_with_default (w, criterion_names[c],
                                                                         s->weights[c]), 0, 10);
      for (guint a = 0; sim && a < PW_N_ATTRS; a++)
        {
          const char *wish = json_object_get_string_member_with_default (sim, attribute_names[a], NULL);
          for (guint k = 0; wish && k < G_N_ELEMENTS (wish_names); k++)
            if (g_str_equal (wish, wish_names[k]))
              s->similar[a] = k;
        }
      s->min_gap = CLAMP (json_object_get_int_member_with_default (o, "min_gap", s->min_gap), 0, 20);
      s->band_low = CLAMP (json_object_get_int_member_with_default (o, "band_low", s->band_low), 0, 100);
      s->band_high = CLAMP (json_object_get_int_member_with_default (o, "band_high", s->band_high), 0, 100);
      s->policy = g_strcmp0 (json_object_get_string_member_with_default (o, "policy", ""), "score") == 0
                  ? PW_SOLVER_POLICY_SCORE : PW_SOLVER_POLICY_COVERAGE;
    }

  return TRUE;
}

gboolean
pw_match_settings_save (PwStore               *store,
                        gint64                 programme_id,
                        const PwMatchSettings *s,
                        GError               **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (s->band_low > s->band_high)
    {
      g_set_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_INVALID,
                   _("The similarity band runs from %d%% to %d%%: its lower end must not be above "
                     "its upper end."),
                   s->band_low, s->band_high);
      return FALSE;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "weights");
  json_builder_begin_object (b);
  for (guint c = 0; c < PW_N_CRITERIA; c++)
    {
      json_builder_set_member_name (b, criterion_names[c]);
      json_builder_add_int_value (b, CLAMP (s->weights[c], 0, 10));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "similarity");
  json_builder_begin_object (b);
  for (guint a = 0; a < PW_N_ATTRS; a++)
    {
      json_builder_set_member_name (b, attribute_names[a]);
      json_builder_add_string_value (b, wish_names[s->similar[a]]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "min_gap");
  json_builder_add_int_value (b, s->min_gap);
  json_builder_set_member_name (b, "band_low");
  json_builder_add_int_value (b, s->band_low);
  json_builder_set_member_name (b, "band_high");
  json_builder_add_int_value (b, s->band_high);
  json_builder_set_member_name (b, "policy");
  json_builder_add_string_value (b, s->policy == PW_SOLVER_POLICY_SCORE ? "score" : "coverage");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);

  stmt = pw_store_prepare (store,
                           "INSERT INTO match_settings (programme_id, settings) VALUES (?, ?) "
                           "ON CONFLICT DO UPDATE SET settings = excluded.settings",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);

  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;
  if (pw_store_step (store, stmt, error) < 0)
    {
      sqlite3_reset (stmt);
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, "match_settings");
    }

  return TRUE;
}

/* Pairs */

void
pw_pair_free (PwPair *pair)
{
  if (pair == NULL)
    return;

  g_free (pair->created);
  g_free (pair->ended);
  g_free (pair->end_kind);
  g_free (pair->explanation);
  g_free (pair);
}

static gboolean
exec_bound (PwStore      *store,
            const char   *sql,
            GError      **error,
            const char   *table,
            int           n_args,
            ...)
{
  gboolean own = !pw_store_in_transaction (store);
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  stmt = pw_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  /* Arguments come as (char type, value) pairs: 'i' gint64, 's' string. */
  va_start (args, n_args);
  for (int k = 1; k <= n_args; k++)
    {
      int type = va_arg (args, int);

      if (type == 'i')
        sqlite3_bind_int64 (stmt, k, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, k, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);

  if (own && !pw_store_begin (store, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }

  rc = pw_store_step (store, stmt, error);
  sqlite3_reset (stmt);
  if (rc < 0)
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, table);
    }

  return TRUE;
}

GPtrArray *
pw_pairs_list (PwStore  *store,
               gint64    programme_id,
               gboolean  with_ended,
               GError  **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_pair_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, programme_id, coalesce (mentee_id, 0), coalesce (mentor_id, 0), "
                           "state, score, locked, random, created, ended, end_kind, explanation "
                           "FROM pair WHERE programme_id = ?1 AND (?2 OR state <> 'ended') ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, with_ended);

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PwPair *pair = g_new0 (PwPair, 1);
      g_autoptr(GEnumClass) klass = g_type_class_ref (PW_TYPE_PAIR_STATE);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, (const char *)sqlite3_column_text (stmt, 4));

      pair->id = sqlite3_column_int64 (stmt, 0);
      pair->programme_id = sqlite3_column_int64 (stmt, 1);
      pair->mentee_id = sqlite3_column_int64 (stmt, 2);
      pair->mentor_id = sqlite3_column_int64 (stmt, 3);
      pair->state = ev ? ev->value : PW_PAIR_ENDED;
      pair->score = sqlite3_column_int (stmt, 5);
      pair->locked = sqlite3_column_int (stmt, 6) != 0;
      pair->random = sqlite3_column_int (stmt, 7) != 0;
      pair->created = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      pair->ended = g_strdup ((const char *)sqlite3_column_text (stmt, 9));
      pair->end_kind = g_strdup ((const char *)sqlite3_column_text (stmt, 10));
      pair->explanation = g_strdup ((const char *)sqlite3_column_text (stmt, 11));
      g_ptr_array_add (pairs, pair);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&pairs);
}

static gboolean
pair_transition (PwStore     *store,
                 gint64       pair_id,
                 const char  *sql,
                 const char  *from_state,
                 GError     **error)
{
  if (!exec_bound (store, sql, error, "pair", 1, 'i', pair_id))
    return FALSE;

  if (pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_STATE,
                   _("Pair %lld is not %s, or does not exist."), (long long)pair_id, from_state);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_pair_approve (PwStore  *store,
                 gint64    pair_id,
                 GError  **error)
{
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  /* Approved and planned together, or neither. */
  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;

  if (!pair_transition (store, pair_id,
                        "UPDATE pair SET state = 'approved', "
                        "approved = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                        "WHERE id = ? AND state = 'proposed'",
                        _("proposed"), error) ||
      /* Someone waiting after a rematch has been served. */
      !exec_bound (store,
                   "DELETE FROM rematch_priority WHERE (programme_id, person_id) IN "
                   "(SELECT programme_id, mentee_id FROM pair WHERE id = ?1 UNION "
                   " SELECT programme_id, mentor_id FROM pair WHERE id = ?1)",
                   error, "pair", 1, 'i', pair_id) ||
      !pw_schedule_plan_pair (store, pair_id, error))
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, "pair");
      pw_store_emit_changed (store, "meeting");
    }

  return TRUE;
}

gboolean
pw_pairs_approve_all (PwStore  *store,
                      gint64    programme_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  pairs = pw_pairs_list (store, programme_id, FALSE, error);
  if (pairs == NULL || !pw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = g_ptr_array_index (pairs, i);

      if (pair->state == PW_PAIR_PROPOSED && !pw_pair_approve (store, pair->id, error))
        {
          pw_store_rollback (store);
          return FALSE;
        }
    }

  if (!pw_store_commit (store, error))
    return FALSE;

  pw_store_emit_changed (store, "pair");
  return TRUE;
}

gboolean
pw_pair_activate (PwStore  *store,
                  gint64    pair_id,
                  GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  return pair_transition (store, pair_id,
                          "UPDATE pair SET state = 'active' WHERE id = ? AND state = 'approved'",
                          _("approved"), error);
}

gboolean
pw_pair_set_locked (PwStore  *store,
                    gint64    pair_id,
                    gboolean  locked,
                    GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  return pair_transition (store, pair_id,
                          locked ? "UPDATE pair SET locked = 1 WHERE id = ? AND state = 'proposed'"
                                 : "UPDATE pair SET locked = 0 WHERE id = ? AND state = 'proposed'",
                          _("proposed"), error);
}

gboolean
pw_pair_end (PwStore     *store,
             gint64       pair_id,
             gboolean     rematch,
             gint64       left_waiting,
             const char  *reason,
             GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (!pw_store_begin (store, error))
    return FALSE;

  if (!exec_bound (store,
                   "UPDATE pair SET state = 'ended', ended = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                   "end_kind = ?2, end_reason = ?3 WHERE id = ?1 AND state IN ('approved', 'active')",
                   error, "pair", 3, 'i', pair_id, 's', rematch ? "rematched" : "completed",
                   's', reason ? reason : ""))
    goto fail;

  if (pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_STATE,
                   _("Pair %lld is not approved or active, so it cannot end."), (long long)pair_id);
      goto fail;
    }

  if (rematch && left_waiting != 0 &&
      !exec_bound (store,
                   "INSERT INTO rematch_priority (programme_id, person_id) "
                   "SELECT programme_id, ?2 FROM pair WHERE id = ?1 AND ?2 IN (mentee_id, mentor_id) "
                   "ON CONFLICT DO NOTHING",
                   error, "pair", 2, 'i', pair_id, 'i', left_waiting))
    goto fail;

  if (!pw_store_commit (store, error))
    return FALSE;

  pw_store_emit_changed (store, "pair");
  return TRUE;

fail:
  pw_store_rollback (store);
  return FALSE;
}

gboolean
pw_pair_forbid (PwStore  *store,
                gint64    programme_id,
                gint64    mentee_id,
                gint64    mentor_id,
                gboolean  forbidden,
                GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  return exec_bound (store,
                     forbidden
                     ? "INSERT INTO forbidden_pair (programme_id, mentee_id, mentor_id) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING"
                     : "DELETE FROM forbidden_pair WHERE programme_id = ? AND mentee_id = ? AND mentor_id = ?",
                     error, "forbidden_pair", 3, 'i', programme_id, 'i', mentee_id, 'i', mentor_id);
}

gboolean
pw_influence_add (PwStore     *store,
                  gint64       person_id,
                  gint64       influencer_id,
                  const char  *note,
                  GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (person_id == influencer_id)
    {
      g_set_error_literal (error, PW_MATCH_ERROR, PW_MATCH_ERROR_INVALID,
                           _("A person cannot influence their own career in this list: choose someone else."));
      return FALSE;
    }

  return exec_bound (store,
                     "INSERT INTO career_influence (person_id, influencer_id, note) VALUES (?, ?, ?) "
                     "ON CONFLICT DO UPDATE SET note = excluded.note",
                     error, "career_influence", 3, 'i', person_id, 'i', influencer_id,
                     's', note ? note : "");
}

/* Preparing a run */

static char *
pair_key (gint64 a,
          gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b);
}

/* Notes who opens a key of @set ("a:b": a), so that the pairs of everyone
 * else need no look-up. */
static void
mark_exceptions (PwMatchRun *run,
                 GHashTable *set,
                 guint       flag)
{
  GHashTableIter iter;
  gpointer key;

  if (run->exceptions == NULL)
    run->exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 a = g_ascii_strtoll (key, NULL, 10);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (run->exceptions, &a));

      g_hash_table_insert (run->exceptions, g_memdup2 (&a, sizeof a), GUINT_TO_POINTER (flags | flag));
    }
}

static gboolean
key_set_contains (GHashTable *set,
                  gint64      a,
                  gint64      b)
{
  char key[48];

  if (g_hash_table_size (set) == 0)
    return FALSE;

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b);
  return g_hash_table_contains (set, key);
}

static GHashTable *
load_key_set (PwStore     *store,
              const char  *sql,
              gint64       bind,
              gboolean     both_ways,
              GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (bind != 0)
    sqlite3_bind_int64 (stmt, 1, bind);

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 a = sqlite3_column_int64 (stmt, 0);
      gint64 b = sqlite3_column_int64 (stmt, 1);

      g_hash_table_add (set, pair_key (a, b));
      if (both_ways)
        g_hash_table_add (set, pair_key (b, a));
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&set);
}

static gboolean
ascii_words_ok (const char *text,
                gboolean    turkic)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80 || (turkic && *p == 'I'))
      return FALSE;

  return TRUE;
}

/* Words of four letters or more, lowercased and hashed onto the 128 bits
 * of @bits (zeroed by the caller): a cheap, language-neutral signal for
 * "strengths meet areas to develop". Returns whether there was a word. */
static gboolean
text_words (const char *text,
            gboolean    turkic,
            guint64     bits[2])
{
  static const char * const stop[] = {
    "that", "this", "with", "have", "from", "they", "been", "more", "about", "would",
    "their", "there", "what", "when", "which", "will", "into", "some", "like", "also",
    "want", "work", "being", "very", "much", "just", "than", "then", NULL
  };
  static guint64 stop_filter[4];  /* bit (hash & 255) of each stop word */
  static gsize stop_filter_ready = 0;
  g_autofree char *lower = NULL;
  const char *p;

  if (text == NULL)
    text = "";

  if (g_once_init_enter (&stop_filter_ready))
    {
      for (guint k = 0; stop[k] != NULL; k++)
        {
          guint h = g_str_hash (stop[k]) & 255;

          stop_filter[h >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
        }
      g_once_init_leave (&stop_filter_ready, 1);
    }

  /* Plain ASCII, the usual case, without copies: lowercased byte by byte
   * and hashed as g_str_hash() would hash the word. (Not where a Turkic
   * locale lowercases "I" to a dotless ı.) */
  if (ascii_words_ok (text, turkic))
    {
      p = text;
      while (*p != '\0')
        {
          const char *start;
          gsize len;
          char word[6];
          guint32 h = 5381;

          while (*p != '\0' && !g_ascii_isalnum (*p))
            p++;
          start = p;
          while (*p != '\0' && g_ascii_isalnum (*p))
            p++;
          len = p - start;
          if (len < 4)
            continue;

          if (len <= 5)
            {
              guint hw = 5381;

              for (gsize k = 0; k < len; k++)
                {
                  word[k] = g_ascii_tolower (start[k]);
                  hw = (hw << 5) + hw + (guint)(signed char)word[k];
                }
              word[len] = '\0';
              /* Most words are no stop word by their hash alone. */
              hw &= 255;
              if (((stop_filter[hw >> 6] >> (hw & 63)) & 1) && g_strv_contains (stop, word))
                continue;
            }
          /* A crude stem: "skills" meets "skill". */
          if (len > 4 && g_ascii_tolower (start[len - 1]) == 's')
            len--;
          for (gsize k = 0; k < len; k++)
            h = (h << 5) + h + (guint32)(signed char)g_ascii_tolower (start[k]);
          bits[(h >> 6) & 1] |= G_GUINT64_CONSTANT (1) << (h & 63);
        }
      goto done;
    }

  lower = g_utf8_strdown (text, -1);
  p = lower;
  while (*p != '\0')
    {
      const char *start;
      gsize len;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      len = p - start;

      if (len >= 4)
        {
          g_autofree char *word = g_strndup (start, len);
          guint32 h;

          if (g_strv_contains (stop, word))
            continue;
          /* A crude stem: "skills" meets "skill". */
          if (len > 4 && word[len - 1] == 's')
            word[len - 1] = '\0';
          h = g_str_hash (word);
          bits[(h >> 6) & 1] |= G_GUINT64_CONSTANT (1) << (h & 63);
        }
    }

done:
  return (bits[0] | bits[1]) != 0;
}

/* The day number of a date already checked, as GDate's Julian day. */
static guint32
julian_day (guint year,
            guint month,
            guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gboolean
is_digits (const char *s,
           guint       n)
{
  for (guint k = 0; k < n; k++)
    if (!g_ascii_isdigit (s[k]))
      return FALSE;

  return TRUE;
}

static int
months_in_role (PwMatchRun *run,
                PwPerson   *person)
{
  const char *text = pw_person_get_text (person, PW_PERSON_FIELD_ROLE_START);
  guint32 start;

  /* Today, once a run: asking the clock (and the time zone) per person
   * costs more than everything else about them. */
  if (run->today == NULL)
    {
      g_autofree char *now = pw_date_today ();

      run->today = pw_date_parse (now);
    }

  /* Plain YYYY-MM-DD read directly, without a GDate to allocate; anything
   * else as pw_date_parse() decides. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
      is_digits (text, 4) && is_digits (text + 5, 2) && is_digits (text + 8, 2))
    {
      guint year = (guint)g_ascii_strtoull (text, NULL, 10);
      guint month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
      guint day = (guint)g_ascii_strtoull (text + 8, NULL, 10);

      if (!g_date_valid_dmy (day, month, year))
        return -1;
      start = julian_day (year, month, day);
    }
  else
    {
      g_autoptr(GDate) date = pw_date_parse (text);

      if (date == NULL)
        return -1;
      start = g_date_get_julian (date);
    }

  return MAX (0, ((int)g_date_get_julian (run->today) - (int)start) / 30);
}

/* The grade's position on the scale, asking the store once per grade. */
static int
grade_position (PwMatchRun *run,
                const char *grade)
{
  gpointer cached;

  if (grade == NULL || grade[0] == '\0')
    return -1;

  if (!g_hash_table_lookup_extended (run->grades, grade, NULL, &cached))
    {
      cached = GINT_TO_POINTER (pw_grade_scale_position (run->store, grade) + 1);
      g_hash_table_insert (run->grades, g_strdup (grade), cached);
    }

  return GPOINTER_TO_INT (cached) - 1;
}

static void
side_clear (Side *side)
{
  g_clear_object (&side->person);
  g_clear_pointer (&side->offered, g_free);
  g_clear_pointer (&side->wanted, g_free);
}

static int
compare_quarks (gconstpointer a,
                gconstpointer b)
{
  GQuark x = *(const GQuark *)a;
  GQuark y = *(const GQuark *)b;

  return x < y ? -1 : x > y;
}

/* Numbers the run's casefolded values, from 1. Not GQuarks: those live
 * for ever, and a large directory would leave thousands behind. */
static GQuark
run_intern (PwMatchRun *run,
            const char *text)
{
  g_autofree char *folded = NULL;
  gpointer id = g_hash_table_lookup (run->raw_ids, text);

  /* The same text comes back for thousands of people: fold it once. */
  if (id != NULL)
    return GPOINTER_TO_UINT (id);

  folded = g_utf8_casefold (text, -1);
  id = g_hash_table_lookup (run->words_ids, folded);
  if (id == NULL)
    {
      id = GUINT_TO_POINTER (g_hash_table_size (run->words_ids) + 1);
      g_hash_table_insert (run->words_ids, g_steal_pointer (&folded), id);
    }
  g_hash_table_insert (run->raw_ids, g_strdup (text), id);

  return GPOINTER_TO_UINT (id);
}

/* Numbers ASCII-lowercased values, from 1: a discipline is the same as
 * another one when g_ascii_strcasecmp() says so. */
static guint
run_intern_ascii (PwMatchRun *run,
                  const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  gpointer id = g_hash_table_lookup (run->ascii_ids, lower);

  if (id == NULL)
    {
      id = GUINT_TO_POINTER (g_hash_table_size (run->ascii_ids) + 1);
      g_hash_table_insert (run->ascii_ids, g_steal_pointer (&lower), id);
    }

  return GPOINTER_TO_UINT (id);
}

static GQuark *
topic_quarks (PwMatchRun         *run,
              const char * const *topics,
              guint              *n_out)
{
  guint n = topics ? g_strv_length ((char **)topics) : 0;
  GQuark *quarks = g_new0 (GQuark, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    quarks[i] = run_intern (run, topics[i]);
  qsort (quarks, n, sizeof (GQuark), compare_quarks);

  *n_out = n;
  return quarks;
}

static guint
common_quarks (const GQuark *a,
               guint         na,
               const GQuark *b,
               guint         nb)
{
  guint i = 0, j = 0, n = 0;

  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        n++, i++, j++;
      else if (a[i] < b[j])
        i++;
      else
        j++;
    }

  return n;
}

static void
add_side (PwMatchRun *run,
          GArray     *array,
          PwPerson   *person,
          gboolean    mentee,
          GHashTable *priority)
{
  Side side = { 0 };
  gint64 id;

  side.person = g_object_ref (person);
  side.id = pw_person_get_id (person);
  side.grade = grade_position (run, pw_person_get_grade (person));
  side.role_months = months_in_role (run, person);
  side.has_words = text_words (pw_person_get_text (person, mentee ? PW_PERSON_FIELD_DEVELOPMENT_AREAS
                                                                  : PW_PERSON_FIELD_STRENGTHS),
                               run->turkic, side.word_bits);
  side.priority = g_hash_table_contains (priority, &side.id);
  side.exceptions = GPOINTER_TO_UINT (g_hash_table_lookup (run->exceptions, &side.id));

  for (guint a = 0; a < PW_N_ATTRS; a++)
    {
      const char *value = pw_person_get_text (person, attribute_fields[a]);

      if (value[0] != '\0')
        {
          side.attrs[a] = run_intern (run, value);
          if (!attribute_is_sensitive (a) || run->sensitive)
            side.given |= 1u << a;
        }
    }
  {
    const char *discipline = pw_person_get_text (person, PW_PERSON_FIELD_DISCIPLINE);

    if (discipline[0] != '\0')
      side.discipline = run_intern_ascii (run, discipline);
  }
  side.offered = topic_quarks (run, pw_person_get_topics_offered (person), &side.n_offered);
  side.wanted = topic_quarks (run, pw_person_get_topics_wanted (person), &side.n_wanted);
  side.contact = pw_person_get_number (person, PW_PERSON_FIELD_PREFERRED_CONTACT);
  side.hours = pw_person_get_hours_per_month (person);

  /* The reporting line, walked once; the guard stops a loop in bad data. */
  id = side.id;
  while (side.n_chain < G_N_ELEMENTS (side.chain))
    {
      gpointer manager = g_hash_table_lookup (run->managers, &id);

      if (manager == NULL)
        break;
      id = *(gint64 *)manager;
      side.chain[side.n_chain++] = id;
    }

  g_array_append_val (array, side);
}

static gboolean
in_chain (GHashTable *managers,
          gint64      person,
          gint64      maybe_above)
{
  gint64 id = person;

  /* The guard stops a loop in bad data from hanging the run. */
  for (guint depth = 0; depth < 64; depth++)
    {
      gpointer manager = g_hash_table_lookup (managers, &id);

      if (manager == NULL)
        return FALSE;
      id = *(gint64 *)manager;
      if (id == maybe_above)
        return TRUE;
    }

  return FALSE;
}

G_ALWAYS_INLINE static inline Block
compute_block (const PwMatchRun *run,
               const Side       *mentee,
               const Side       *mentor)
{
  if (mentee->id == mentor->id)
    return BLOCK_SELF;
  /* Only someone above another of the run can be in their line. */
  if (mentor->managing)
    for (guint k = 0; k < mentee->n_chain; k++)
      if (mentee->chain[k] == mentor->id)
        return BLOCK_CHAIN;
  if (mentee->managing)
    for (guint k = 0; k < mentor->n_chain; k++)
      if (mentor->chain[k] == mentee->id)
        return BLOCK_CHAIN;
  /* Deeper than the cached line: walk the rest (rare). */
  if ((mentee->n_chain == G_N_ELEMENTS (mentee->chain) && in_chain (run->managers, mentee->id, mentor->id)) ||
      (mentor->n_chain == G_N_ELEMENTS (mentor->chain) && in_chain (run->managers, mentor->id, mentee->id)))
    return BLOCK_CHAIN;
  /* The sets hold the few pairs that are exceptions: only someone who
   * opens a key in one needs a look. */
  if ((mentee->exceptions & EXCEPT_INFLUENCE) && key_set_contains (run->influence, mentee->id, mentor->id))
    return BLOCK_INFLUENCE;
  if ((mentee->exceptions & EXCEPT_ENDED) && key_set_contains (run->ended, mentee->id, mentor->id))
    return BLOCK_ENDED;
  if ((mentee->exceptions & EXCEPT_FORBIDDEN) && key_set_contains (run->forbidden, mentee->id, mentor->id))
    return BLOCK_FORBIDDEN;

  switch (run->seniority)
    {
    case PW_PAIR_SENIORITY_SENIOR:
      if (mentor->grade < 0 || mentee->grade < 0 || mentor->grade <= mentee->grade)
        return BLOCK_SENIORITY;
      break;
    case PW_PAIR_SENIORITY_JUNIOR:
      if (mentor->grade < 0 || mentee->grade < 0 || mentor->grade >= mentee->grade)
        return BLOCK_SENIORITY;
      break;
    case PW_PAIR_SENIORITY_EXPERIENCED:
      if (mentor->grade < 0 || mentor->grade != mentee->grade ||
          mentor->role_months <= mentee->role_months)
        return BLOCK_SENIORITY;
      break;
    case PW_PAIR_SENIORITY_ANY:
    default:
      break;
    }

  if (run->discipline != PW_PAIR_DISCIPLINE_EITHER)
    {
      /* Numbered after g_ascii_strdown(), so equal numbers are what
       * g_ascii_strcasecmp() calls equal. */
      gboolean same = mentee->discipline != 0 && mentee->discipline == mentor->discipline;

      if ((run->discipline == PW_PAIR_DISCIPLINE_SAME) != same)
        return BLOCK_DISCIPLINE;
    }

  return BLOCK_NONE;
}

static const char *
block_reason (Block block,
              PwProgramme *programme)
{
  switch (block)
    {
    case BLOCK_NONE:       return NULL;
    case BLOCK_SELF:       return _("the same person");
    case BLOCK_CHAIN:      return _("one is in the other’s reporting line");
    case BLOCK_INFLUENCE:  return _("one influences the other’s career");
    case BLOCK_ENDED:      return _("they were paired before and the pair ended");
    case BLOCK_FORBIDDEN:  return _("the coordinator ruled this pair out");
    case BLOCK_SENIORITY:
      switch (pw_programme_get_pair_seniority (programme))
        {
        case PW_PAIR_SENIORITY_SENIOR: return _("the mentor is not senior in grade to the mentee");
        case PW_PAIR_SENIORITY_JUNIOR: return _("the mentor is not junior in grade to the mentee");
        default: return _("the mentor is not at the same grade with more time in the role");
        }
    case BLOCK_DISCIPLINE:
      return pw_programme_get_pair_discipline (programme) == PW_PAIR_DISCIPLINE_SAME
             ? _("they are not of the same discipline") : _("they are of the same discipline");
    case BLOCK_TAKEN:      return _("already in an approved or active pair");
    case N_BLOCKS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Criteria, each 0–100 */

static int
topics_value (const Side *mentee,
              const Side *mentor,
              GString    *detail)
{
  const char * const *wanted = pw_person_get_topics_wanted (mentee->person);
  const char * const *offered = pw_person_get_topics_offered (mentor->person);
  guint n_wanted = g_strv_length ((char **)wanted);
  guint hits = 0;

  for (guint i = 0; i < n_wanted; i++)
    for (guint k = 0; offered[k] != NULL; k++)
      if (g_ascii_strcasecmp (wanted[i], offered[k]) == 0)
        {
          if (detail != NULL)
            g_string_append_printf (detail, "%s%s", hits ? ", " : "", wanted[i]);
          hits++;
          break;
        }

  if (n_wanted == 0)
    return 50;  /* nothing asked for: neither a fit nor a misfit */

  return (int)(100 * hits / n_wanted);
}

static inline int
gap_value (const PwMatchRun *run,
           const Side *mentee,
           const Side *mentor)
{
  PwProgrammeKind kind = run->kind;
  int gap;

  if (run->gap_table != NULL)
    return run->gap_table[(mentee->grade + 1) * run->gap_stride + mentor->grade + 1];

  if (kind == PW_PROGRAMME_KIND_PEER)
    return 100;
  if (mentee->grade < 0 || mentor->grade < 0)
    return 0;

  /* Reverse: the mentor is the junior one; traditional: the senior one. */
  gap = kind == PW_PROGRAMME_KIND_REVERSE ? mentee->grade - mentor->grade
                                          : mentor->grade - mentee->grade;
  if (gap <= 0)
    return 0;
  if (run->settings.min_gap <= 0 || gap >= run->settings.min_gap)
    return 100;

  return 100 * gap / run->settings.min_gap;
}

static inline int
growth_value (const Side *mentee,
              const Side *mentor)
{
  guint common;

  if (!mentee->has_words || !mentor->has_words)
    return 0;

  /* Words hashed onto 128 bits: shared bits count shared words, give or
   * take a rare collision — plenty for a minor signal, and it keeps a
   * 5,000-person match fast. */
  common = __builtin_popcountll (mentee->word_bits[0] & mentor->word_bits[0]) +
           __builtin_popcountll (mentee->word_bits[1] & mentor->word_bits[1]);
  /* Three shared words is a strong signal already. */
  return MIN (100, (int)(common * 100 / 3));
}

/* Each criterion's value (0–100) for a pair. Every feature was read from
 * the profiles once (add_side); here there are only integers, and the
 * shares come from tables rather than divisions. The matrix and the
 * explanations both come from here, so they cannot disagree. */
G_ALWAYS_INLINE static inline void
pair_values (const PwMatchRun *run,
             const Side       *mentee,
             const Side       *mentor,
             int               values[PW_N_CRITERIA])
{
  const guint given = mentee->given & mentor->given;
  guint same;
  guint asked, percent, forms, hours, hits;

  /* Topic fit: the share of the mentee's wishes the mentor offers. */
  if (run->topic_masks)
    hits = __builtin_popcountll (mentee->wanted_mask & mentor->offered_mask);
  else
    hits = common_quarks (mentee->wanted, mentee->n_wanted, mentor->offered, mentor->n_offered);
  values[PW_CRITERION_TOPICS] = mentee->n_wanted <= 64 ? share_table[mentee->n_wanted][hits]
                                : (int)(100 * hits / mentee->n_wanted);
  values[PW_CRITERION_GAP] = gap_value (run, mentee, mentor);

  /* Similarity over the attributes both gave: alike ones, and the wishes
   * met (alike where the coordinator asks same, unlike where different). */
  G_STATIC_ASSERT (PW_N_ATTRS == 9);
#define SAME(a) ((guint)(mentee->attrs[a] == mentor->attrs[a]) << (a))
  same = (SAME (0) | SAME (1) | SAME (2) | SAME (3) | SAME (4) |
          SAME (5) | SAME (6) | SAME (7) | SAME (8)) & given;
#undef SAME
  asked = given & run->wish_mask;
  percent = share_table[bits9[given]][bits9[same]];
  values[PW_CRITERION_SIMILARITY] = share_table[bits9[asked]][bits9[asked & ~(same ^ run->same_wish_mask)]];
  values[PW_CRITERION_BALANCE] =
    (int)percent >= run->settings.band_low && (int)percent <= run->settings.band_high ? 100 : 0;

  forms = (mentee->contact == 0 || mentor->contact == 0) ? 50 : ((mentee->contact & mentor->contact) ? 100 : 0);
  if (mentee->hours == 0 || mentor->hours == 0)
    hours = 50;
  else if (run->hours_ratio != NULL)
    hours = run->hours_ratio[mentee->hours * (run->hours_max + 1) + mentor->hours];
  else
    hours = 100 * MIN (mentee->hours, mentor->hours) / MAX (mentee->hours, mentor->hours);
  values[PW_CRITERION_CONTACT] = (int)(forms + hours) / 2;
  values[PW_CRITERION_GROWTH] = growth_value (mentee, mentor);
}

/* The score of a pair and each criterion's part. */
static void
score_pair (PwMatchRun  *run,
            const Side  *mentee,
            const Side  *mentor,
            PwPairScore *out)
{
  pair_values (run, mentee, mentor, out->values);

  out->score = 0;
  for (guint c = 0; c < PW_N_CRITERIA; c++)
    {
      out->contributions[c] = out->values[c] * run->settings.weights[c];
      out->score += out->contributions[c];
    }
}

/* The same score, for the matrix, where only the sum is kept. */
G_ALWAYS_INLINE static inline int
pair_score (const PwMatchRun *run,
            const Side       *mentee,
            const Side       *mentor)
{
  const int *w = run->settings.weights;
  int values[PW_N_CRITERIA];

  /* Written out, so the values stay in registers. */
  G_STATIC_ASSERT (PW_N_CRITERIA == 6);
  pair_values (run, mentee, mentor, values);
  return values[0] * w[0] + values[1] * w[1] + values[2] * w[2] +
         values[3] * w[3] + values[4] * w[4] + values[5] * w[5];
}

/* Gives each distinct topic of the run a bit, when there are few enough,
 * so topic fit is a popcount rather than a merge of two lists. */
static void
assign_topic_masks (PwMatchRun *run)
{
  g_autoptr(GHashTable) bits = g_hash_table_new (NULL, NULL);
  GArray *sides[2] = { run->mentees, run->mentors };

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        Side *side = &g_array_index (sides[s], Side, i);
        GQuark *lists[2] = { side->offered, side->wanted };
        guint counts[2] = { side->n_offered, side->n_wanted };

        for (guint l = 0; l < 2; l++)
          for (guint k = 0; k < counts[l]; k++)
            if (!g_hash_table_contains (bits, GUINT_TO_POINTER (lists[l][k])))
              {
                if (g_hash_table_size (bits) == 64)
                  return;  /* too many: scoring merges the lists instead */
                g_hash_table_insert (bits, GUINT_TO_POINTER (lists[l][k]),
                                     GUINT_TO_POINTER (g_hash_table_size (bits)));
              }
      }

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        Side *side = &g_array_index (sides[s], Side, i);

        for (guint k = 0; k < side->n_offered; k++)
          side->offered_mask |= G_GUINT64_CONSTANT (1)
            << GPOINTER_TO_UINT (g_hash_table_lookup (bits, GUINT_TO_POINTER (side->offered[k])));
        for (guint k = 0; k < side->n_wanted; k++)
          side->wanted_mask |= G_GUINT64_CONSTANT (1)
            << GPOINTER_TO_UINT (g_hash_table_lookup (bits, GUINT_TO_POINTER (side->wanted[k])));
      }

  run->topic_masks = TRUE;
}

/* Greater than any possible score difference (6 criteria × 100 × 10). */
#define PRIORITY_BONUS 7000

/* Flags everyone who is in the reporting line of someone of the run. */
static void
mark_managing (PwMatchRun *run)
{
  g_autoptr(GHashTable) above = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *sides[2] = { run->mentees, run->mentors };

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        Side *side = &g_array_index (sides[s], Side, i);

        for (guint k = 0; k < side->n_chain; k++)
          g_hash_table_add (above, &side->chain[k]);
      }

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        Side *side = &g_array_index (sides[s], Side, i);

        side->managing = g_hash_table_contains (above, &side->id);
      }
}

/* The contact criterion's hours share as a table, when hours are few. */
static void
prepare_hours_ratio (PwMatchRun *run)
{
  GArray *sides[2] = { run->mentees, run->mentors };
  int lo = 0, hi = 0;

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        lo = MIN (lo, g_array_index (sides[s], Side, i).hours);
        hi = MAX (hi, g_array_index (sides[s], Side, i).hours);
      }
  if (lo < 0 || hi > 400)
    return;  /* unusual: scoring divides */

  run->hours_max = hi;
  run->hours_ratio = g_new0 (guint8, (gsize)(hi + 1) * (hi + 1));
  for (int a = 1; a <= hi; a++)
    for (int b = 1; b <= hi; b++)
      run->hours_ratio[a * (hi + 1) + b] = (guint8)(100 * MIN (a, b) / MAX (a, b));
}

/* The pair loop in versions for newer x86-64 processors too, picked at
 * load time: with a popcount instruction and wider vectors it runs about
 * twice as fast, and a build stays portable. */
#if defined(__x86_64__) && defined(__has_attribute)
# if __has_attribute (target_clones) && !defined(__SANITIZE_ADDRESS__)
#  define SCORE_CLONES __attribute__ ((target_clones ("arch=x86-64-v3", "popcnt", "default")))
# endif
#endif
#ifndef SCORE_CLONES
# define SCORE_CLONES
#endif

/* The generational gap criterion as a table over the grades in the run,
 * filled by gap_value() itself. */
static void
prepare_gap_table (PwMatchRun *run)
{
  GArray *sides[2] = { run->mentees, run->mentors };
  g_autofree guint8 *table = NULL;
  int lo = -1, hi = -1;
  int stride;

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        lo = MIN (lo, g_array_index (sides[s], Side, i).grade);
        hi = MAX (hi, g_array_index (sides[s], Side, i).grade);
      }
  if (lo < -1 || hi > 62)
    return;  /* an unusual scale: gap_value() works it out each time */

  stride = hi + 2;  /* grades −1 … hi */
  table = g_new (guint8, stride * stride);
  for (int a = -1; a <= hi; a++)
    for (int b = -1; b <= hi; b++)
      {
        Side mentee = { .grade = a };
        Side mentor = { .grade = b };

        table[(a + 1) * stride + b + 1] = (guint8)gap_value (run, &mentee, &mentor);
      }

  run->gap_stride = stride;
  run->gap_table = g_steal_pointer (&table);
}

/* Rows [first, last) of the matrix: the hard rules, then the score of
 * every allowed pair. Rows are independent, so threads may share them out
 * and the matrix is the same however they do. */
SCORE_CLONES static void
score_rows_range (PwMatchRun *run,
                  guint       first,
                  guint       last)
{
  const guint m = run->mentors->len;
  gint32 *scores = pw_solver_problem_get_scores (run->problem);
  /* Copies that nothing else can write to: the compiler may then keep
   * their fields in registers across the stores into the matrix. */
  const PwMatchRun frozen = *run;
  const Side *mentors = (const Side *)(gpointer)run->mentors->data;

  for (guint i = first; i < last; i++)
    {
      const Side mentee_copy = g_array_index (run->mentees, Side, i);
      const Side *mentee = &mentee_copy;
      gint32 *row = scores + (gsize)i * m;
      guint8 *blocks = run->blocks + (gsize)i * m;
      RowBest best = { { G_MININT, G_MININT }, { -1, -1 } };

      for (guint j = 0; j < m; j++)
        {
          const Side *mentor = &mentors[j];
          Block block = compute_block (&frozen, mentee, mentor);
          int score;

          blocks[j] = block;
          if (block != BLOCK_NONE)
            {
              row[j] = PW_SOLVER_FORBIDDEN;
              continue;
            }

          score = pair_score (&frozen, mentee, mentor);
          row[j] = score + frozen.mentor_bonus[j];
          if (score > best.score[0])
            {
              best.score[1] = best.score[0];
              best.mentor[1] = best.mentor[0];
              best.score[0] = score;
              best.mentor[0] = j;
            }
          else if (score > best.score[1])
            {
              best.score[1] = score;
              best.mentor[1] = j;
            }

          if ((mentee->exceptions & EXCEPT_LOCK) && key_set_contains (run->locks, mentee->id, mentor->id))
            pw_solver_problem_lock (run->problem, i, j);
        }

      if (mentee->priority)
        pw_solver_problem_set_priority (run->problem, i, PRIORITY_BONUS);
      run->row_best[i] = best;
    }
}

typedef struct
{
  PwMatchRun *run;
  guint       first;
  guint       last;
} RowsJob;

static gpointer
score_rows_thread (gpointer data)
{
  RowsJob *job = data;

  score_rows_range (job->run, job->first, job->last);
  return NULL;
}

/* Below this many pairs a second thread costs more than it saves. */
#define PAIRS_PER_THREAD 200000

static void
score_rows (PwMatchRun *run)
{
  const guint n = run->mentees->len;
  const guint64 pairs = (guint64)n * run->mentors->len;
  const char *env = g_getenv ("PAIRWISE_MATCH_THREADS");  /* for tests and measuring */
  guint threads;

  if (env != NULL)
    threads = CLAMP (atoi (env), 1, 2);
  else
    threads = pairs < 2 * PAIRS_PER_THREAD ? 1 : MIN (g_get_num_processors (), 2);
  if (n < 2)
    threads = 1;

  int hi = -1;

  if (threads == 1)
    score_rows_range (run, 0, n);
  else
    {
      /* The second half in a thread of its own, the first half here. */
      RowsJob job = { run, n / 2, n };
      GThread *thread = g_thread_new ("pw-match-score", score_rows_thread, &job);

      score_rows_range (run, 0, n / 2);
      g_thread_join (thread);
    }

  /* The solver need not read the whole matrix again to learn its range:
   * scores are at least 0, and at most the best of a row, plus the bonus
   * of a mentor waiting after a rematch. */
  for (guint i = 0; i < n; i++)
    hi = MAX (hi, run->row_best[i].score[0]);
  for (guint j = 0; hi >= 0 && j < run->mentors->len; j++)
    if (run->mentor_bonus[j] != 0)
      {
        hi += PRIORITY_BONUS;
        break;
      }
  if (hi >= 0)
    pw_solver_problem_set_score_bounds (run->problem, 0, hi);
}

/**
 * pw_match_prepare:
 *
 * Loads everything a solve needs: the eligible mentees and mentors who are
 * not already in an approved or active pair, every hard rule, the scores.
 *
 * Returns: (transfer full): the run, or %NULL with @error set
 */
PwMatchRun *
pw_match_prepare (PwStore  *store,
                  gint64    programme_id,
                  GError  **error)
{
  g_autoptr(PwMatchRun) run = g_new0 (PwMatchRun, 1);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GHashTable) priority = NULL;
  sqlite3_stmt *stmt;
  guint n, m;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  share_table_init ();
  run->store = g_object_ref (store);
  run->words_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->ascii_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->raw_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->mentees = g_array_new (FALSE, TRUE, sizeof (Side));
  run->mentors = g_array_new (FALSE, TRUE, sizeof (Side));
  g_array_set_clear_func (run->mentees, (GDestroyNotify)side_clear);
  g_array_set_clear_func (run->mentors, (GDestroyNotify)side_clear);

  run->programme = pw_programme_repo_get (store, programme_id, error);
  if (run->programme == NULL ||
      !pw_match_settings_load (store, programme_id, &run->settings, error))
    return NULL;
  run->kind = pw_programme_get_kind (run->programme);
  run->sensitive = pw_programme_get_sensitive_enabled (run->programme);
  run->seniority = pw_programme_get_pair_seniority (run->programme);
  {
    /* As g_utf8_strdown() decides it. */
    const char *ctype = setlocale (LC_CTYPE, NULL);

    run->turkic = ctype != NULL && (g_str_has_prefix (ctype, "tr") || g_str_has_prefix (ctype, "az"));
  }
  run->discipline = pw_programme_get_pair_discipline (run->programme);
  for (guint a = 0; a < PW_N_ATTRS; a++)
    {
      if (run->settings.similar[a] != PW_SIMILAR_IGNORE)
        run->wish_mask |= 1u << a;
      if (run->settings.similar[a] == PW_SIMILAR_SAME)
        run->same_wish_mask |= 1u << a;
    }

  run->eligibility = pw_eligibility_load (store, programme_id, error);
  people = run->eligibility ? pw_person_repo_list_enrolled (store, programme_id, error) : NULL;
  if (people == NULL)
    return NULL;

  /* The whole directory's reporting lines: chains run through people
   * outside the programme too. */
  run->managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = pw_store_prepare (store, "SELECT id, manager_id FROM person WHERE manager_id IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (run->managers,
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  run->influence = load_key_set (store, "SELECT person_id, influencer_id FROM career_influence", 0, TRUE, error);
  run->ended = run->influence
    ? load_key_set (store,
                    "SELECT mentee_id, mentor_id FROM pair WHERE state = 'ended' "
                    "AND mentee_id IS NOT NULL AND mentor_id IS NOT NULL",
                    0, TRUE, error)
    : NULL;
  run->forbidden = run->ended
    ? load_key_set (store, "SELECT mentee_id, mentor_id FROM forbidden_pair WHERE programme_id = ?",
                    programme_id, FALSE, error)
    : NULL;
  run->locks = run->forbidden
    ? load_key_set (store,
                    "SELECT mentee_id, mentor_id FROM pair WHERE programme_id = ? "
                    "AND state = 'proposed' AND locked = 1",
                    programme_id, FALSE, error)
    : NULL;
  taken = run->locks
    ? load_key_set (store,
                    "SELECT mentee_id, mentor_id FROM pair WHERE programme_id = ? "
                    "AND state IN ('approved', 'active')",
                    programme_id, FALSE, error)
    : NULL;
  if (taken == NULL)
    return NULL;
  mark_exceptions (run, run->influence, EXCEPT_INFLUENCE);
  mark_exceptions (run, run->ended, EXCEPT_ENDED);
  mark_exceptions (run, run->forbidden, EXCEPT_FORBIDDEN);
  mark_exceptions (run, run->locks, EXCEPT_LOCK);

  priority = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = pw_store_prepare (store, "SELECT person_id FROM rematch_priority WHERE programme_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (priority, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  {
    /* People in approved or active pairs: mentees are done; mentors have
     * that much less room. */
    g_autoptr(GHashTable) busy_mentee = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) mentor_load = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, taken);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gint64 a = 0, b = 0;
        gpointer load;

        if (sscanf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, &a, &b) != 2)
          continue;
        g_hash_table_add (busy_mentee, g_memdup2 (&a, sizeof a));
        load = g_hash_table_lookup (mentor_load, &b);
        g_hash_table_insert (mentor_load, g_memdup2 (&b, sizeof b),
                             GINT_TO_POINTER (GPOINTER_TO_INT (load) + 1));
      }

    n = g_list_model_get_n_items (people);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
        gint64 id = pw_person_get_id (person);
        int load = GPOINTER_TO_INT (g_hash_table_lookup (mentor_load, &id));
        PwVerdict v = { 0 };

        pw_eligibility_evaluate (run->eligibility, person, &v);
        if (v.mentee && !g_hash_table_contains (busy_mentee, &id))
          add_side (run, run->mentees, person, TRUE, priority);
        if (v.mentor && pw_person_get_capacity (person) > load)
          {
            add_side (run, run->mentors, person, FALSE, priority);
            g_array_index (run->mentors, Side, run->mentors->len - 1).room =
              pw_person_get_capacity (person) - load;
          }
        pw_verdict_clear (&v);
      }
  }

  n = run->mentees->len;
  m = run->mentors->len;
  assign_topic_masks (run);
  mark_managing (run);
  prepare_hours_ratio (run);
  prepare_gap_table (run);
  run->problem = pw_solver_problem_new (n, m);
  run->blocks = g_new0 (guint8, (gsize)MAX (n, 1) * MAX (m, 1));

  run->mentor_bonus = g_new0 (gint32, MAX (m, 1));
  for (guint j = 0; j < m; j++)
    {
      Side *mentor = &g_array_index (run->mentors, Side, j);
      pw_solver_problem_set_capacity (run->problem, j, mentor->room);
      run->mentor_bonus[j] = mentor->priority ? PRIORITY_BONUS : 0;
    }

  run->row_best = g_new (RowBest, MAX (n, 1));
  score_rows (run);

  return g_steal_pointer (&run);
}

void
pw_match_run_free (PwMatchRun *run)
{
  if (run == NULL)
    return;

  g_clear_object (&run->store);
  g_clear_object (&run->programme);
  g_clear_pointer (&run->eligibility, pw_eligibility_free);
  g_clear_pointer (&run->mentees, g_array_unref);
  g_clear_pointer (&run->mentors, g_array_unref);
  g_clear_pointer (&run->blocks, g_free);
  g_clear_pointer (&run->problem, pw_solver_problem_unref);
  g_clear_pointer (&run->result, pw_solver_result_unref);
  g_clear_pointer (&run->managers, g_hash_table_unref);
  g_clear_pointer (&run->influence, g_hash_table_unref);
  g_clear_pointer (&run->ended, g_hash_table_unref);
  g_clear_pointer (&run->forbidden, g_hash_table_unref);
  g_clear_pointer (&run->locks, g_hash_table_unref);
  g_clear_pointer (&run->loads, g_free);
  g_clear_pointer (&run->words_ids, g_hash_table_unref);
  g_clear_pointer (&run->ascii_ids, g_hash_table_unref);
  g_clear_pointer (&run->raw_ids, g_hash_table_unref);
  g_clear_pointer (&run->grades, g_hash_table_unref);
  g_clear_pointer (&run->exceptions, g_hash_table_unref);
  g_clear_pointer (&run->today, g_date_free);
  g_clear_pointer (&run->hours_ratio, g_free);
  g_clear_pointer (&run->mentor_bonus, g_free);
  g_clear_pointer (&run->gap_table, g_free);
  g_clear_pointer (&run->row_best, g_free);
  g_free (run);
}

gboolean
pw_match_solve (PwMatchRun    *run,
                gboolean       random,
                guint64        seed,
                GCancellable  *cancellable,
                GError       **error)
{
  PwSolverResult *result;

  g_return_val_if_fail (run != NULL, FALSE);

  result = random ? pw_solver_random (run->problem, seed, cancellable, error)
                  : pw_solver_solve (run->problem, run->settings.policy, cancellable, NULL, NULL, error);
  if (result == NULL)
    return FALSE;

  g_clear_pointer (&run->result, pw_solver_result_unref);
  run->result = result;

  g_free (run->loads);
  run->loads = g_new0 (guint, MAX (run->mentors->len, 1));
  for (guint i = 0; i < run->mentees->len; i++)
    {
      int j = pw_solver_result_get_mentor (result, i);
      if (j >= 0)
        run->loads[j]++;
    }
  run->random = random;
  run->seed = random ? pw_solver_result_get_seed (result) : 0;
  return TRUE;
}

guint
pw_match_get_n_mentees (PwMatchRun *run)
{
  return run->mentees->len;
}

guint
pw_match_get_n_mentors (PwMatchRun *run)
{
  return run->mentors->len;
}

PwPerson *
pw_match_get_mentee (PwMatchRun *run,
                     guint       i)
{
  g_return_val_if_fail (i < run->mentees->len, NULL);

  return g_array_index (run->mentees, Side, i).person;
}

PwPerson *
pw_match_get_mentor (PwMatchRun *run,
                     guint       j)
{
  g_return_val_if_fail (j < run->mentors->len, NULL);

  return g_array_index (run->mentors, Side, j).person;
}

int
pw_match_get_assignment (PwMatchRun *run,
                         guint       i)
{
  g_return_val_if_fail (i < run->mentees->len, -1);

  return run->result ? pw_solver_result_get_mentor (run->result, i) : -1;
}

gboolean
pw_match_score_pair (PwMatchRun  *run,
                     guint        i,
                     guint        j,
                     PwPairScore *out)
{
  g_return_val_if_fail (i < run->mentees->len && j < run->mentors->len, FALSE);

  score_pair (run, &g_array_index (run->mentees, Side, i), &g_array_index (run->mentors, Side, j), out);
  return run->blocks[(gsize)i * run->mentors->len + j] == BLOCK_NONE;
}

/**
 * pw_match_get_problem:
 *
 * Returns: (transfer none): the run's score matrix, with its capacities,
 * locks and priorities, as the solver gets it
 */
PwSolverProblem *
pw_match_get_problem (PwMatchRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);

  return run->problem;
}

const char *
pw_match_blocked_reason (PwMatchRun *run,
                         guint       i,
                         guint       j)
{
  g_return_val_if_fail (i < run->mentees->len && j < run->mentors->len, NULL);

  return block_reason (run->blocks[(gsize)i * run->mentors->len + j], run->programme);
}

/* How many mentees mentor @j received in the last solve. */
static guint
mentor_load (PwMatchRun *run,
             guint       j)
{
  return run->loads != NULL ? run->loads[j] : 0;
}

/* g_string_append_printf() through a buffer on the stack: an explanation
 * is a dozen short lines, and thousands are written at a time. */
static void append_printf (GString    *out,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
append_printf (GString    *out,
               const char *format,
               ...)
{
  char buffer[256];
  va_list args;
  int n;

  va_start (args, format);
  n = g_vsnprintf (buffer, sizeof buffer, format, args);
  va_end (args);

  if (n >= 0 && (gsize)n < sizeof buffer)
    {
      g_string_append_len (out, buffer, n);
      return;
    }

  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
}

/**
 * pw_match_explain_pair:
 *
 * Returns: (transfer full): why mentee @i has the mentor they have, in
 * plain words: each criterion's contribution, the hard rules that applied,
 * and the runner-up.
 */
char *
pw_match_explain_pair (PwMatchRun *run,
                       guint       i)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) topics = g_string_new (NULL);
  Side *mentee;
  Side *mentor;
  PwPairScore score;
  int j = pw_match_get_assignment (run, i);
  int runner_up = -1;
  int runner_score = G_MININT;

  g_return_val_if_fail (i < run->mentees->len, NULL);

  if (j < 0)
    return pw_match_explain_unmatched (run, i);

  mentee = &g_array_index (run->mentees, Side, i);
  mentor = &g_array_index (run->mentors, Side, j);
  score_pair (run, mentee, mentor, &score);
  topics_value (mentee, mentor, topics);

  append_printf (out, _("%s mentors %s: %d points.\n"),
                          pw_person_get_name (mentor->person), pw_person_get_name (mentee->person),
                          score.score);

  if (run->random)
    append_printf (out, _("Drawn at random (blind date, seed %llu).\n"), (unsigned long long)run->seed);

  for (guint c = 0; c < PW_N_CRITERIA; c++)
    {
      if (run->settings.weights[c] == 0)
        continue;
      append_printf (out, _("• %s: %d of 100 × weight %d = %d"),
                              pw_criterion_label (c), score.values[c], run->settings.weights[c],
                              score.contributions[c]);
      if (c == PW_CRITERION_TOPICS && topics->len > 0)
        append_printf (out, _(" (offers %s)"), topics->str);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, _("Hard rules kept: both eligible; neither in the other’s reporting line; "
                          "no career influence; not paired before; not ruled out; within the "
                          "mentor’s capacity.\n"));
  if (key_set_contains (run->locks, mentee->id, mentor->id))
    g_string_append (out, _("Locked by the coordinator.\n"));
  if (mentee->priority)
    g_string_append (out, _("Had priority after a rematch.\n"));

  /* The best other allowed mentor, the lower index first among equals:
   * the row's best, or its second best when the best is the mentor. */
  {
    const RowBest *best = &run->row_best[i];
    guint b = best->mentor[0] == j ? 1 : 0;

    runner_up = best->mentor[b];
    runner_score = best->score[b];
  }

  if (runner_up >= 0 && runner_score <= score.score)
    append_printf (out, _("Runner-up: %s, %d points behind.\n"),
                            pw_person_get_name (g_array_index (run->mentors, Side, runner_up).person),
                            score.score - runner_score);
  else if (runner_up >= 0)
    append_printf (out, _("%s would score %d points more here, but is the better "
                                   "choice for someone else: the program’s total is higher this way.\n"),
                            pw_person_get_name (g_array_index (run->mentors, Side, runner_up).person),
                            runner_score - score.score);
  else
    g_string_append (out, _("No other mentor was possible.\n"));

  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pw_match_explain_unmatched:
 *
 * Returns: (transfer full): which rule removed each candidate mentor of
 * unmatched mentee @i ("12 mentors are in the reporting chain, 30 are
 * full…")
 */
char *
pw_match_explain_unmatched (PwMatchRun *run,
                            guint       i)
{
  guint counts[N_BLOCKS + 2] = { 0 };  /* + full, + left free */
  g_autoptr(GString) out = g_string_new (NULL);
  guint m = run->mentors->len;
  enum { FULL = N_BLOCKS, LEFT_FREE = N_BLOCKS + 1 };

  g_return_val_if_fail (i < run->mentees->len, NULL);

  g_string_append_printf (out, _("%s has no mentor: "),
                          pw_person_get_name (g_array_index (run->mentees, Side, i).person));

  if (m == 0)
    {
      g_string_append (out, _("no one is eligible as a mentor."));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  for (guint j = 0; j < m; j++)
    {
      Block block = run->blocks[(gsize)i * m + j];

      if (block != BLOCK_NONE)
        counts[block]++;
      else if ((int)mentor_load (run, j) >= g_array_index (run->mentors, Side, j).room)
        counts[FULL]++;
      else
        counts[LEFT_FREE]++;
    }

  {
    gboolean first = TRUE;

    for (guint b = BLOCK_SELF; b < N_BLOCKS + 2; b++)
      {
        const char *why;

        if (counts[b] == 0)
          continue;
        if (b == FULL)
          why = _("already full");
        else if (b == LEFT_FREE)
          why = _("free, but matching them here would lower the total or leave someone else out");
        else
          why = block_reason (b, run->programme);

        g_string_append_printf (out, "%s", first ? "" : "; ");
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u mentor: %s", "%u mentors: %s", counts[b]),
                                counts[b], why);
        first = FALSE;
      }
  }

  g_string_append_c (out, '.');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fairness_of (PwMatchRun     *run,
             PwSolverResult *result,
             PwFairness     *out)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (int));
  double sum = 0, sq = 0;

  memset (out, 0, sizeof *out);
  out->lowest = 0;

  for (guint i = 0; i < run->mentees->len; i++)
    {
      int j = result ? pw_solver_result_get_mentor (result, i) : -1;
      PwPairScore score;

      if (j < 0)
        {
          out->unmatched++;
          continue;
        }
      score_pair (run, &g_array_index (run->mentees, Side, i), &g_array_index (run->mentors, Side, j), &score);
      g_array_append_val (scores, score.score);
      out->total += score.score;
      sum += score.score;
      sq += (double)score.score * score.score;
      if (out->matched == 0 || score.score < out->lowest)
        out->lowest = score.score;
      if (out->matched == 0 || score.score > out->highest)
        out->highest = score.score;
      out->matched++;
    }

  if (out->matched > 0)
    {
      out->mean = sum / out->matched;
      out->stddev = sqrt (MAX (0.0, sq / out->matched - out->mean * out->mean));
    }
}

void
pw_match_fairness (PwMatchRun *run,
                   PwFairness *out)
{
  g_return_if_fail (run != NULL);

  fairness_of (run, run->result, out);
}

gboolean
pw_match_fairness_other_policy (PwMatchRun  *run,
                                PwFairness  *out,
                                GError     **error)
{
  g_autoptr(PwSolverResult) other = NULL;
  PwSolverPolicy policy;

  g_return_val_if_fail (run != NULL, FALSE);

  policy = run->settings.policy == PW_SOLVER_POLICY_COVERAGE ? PW_SOLVER_POLICY_SCORE
                                                              : PW_SOLVER_POLICY_COVERAGE;
  other = pw_solver_solve (run->problem, policy, NULL, NULL, NULL, error);
  if (other == NULL)
    return FALSE;

  fairness_of (run, other, out);
  return TRUE;
}

static void
add_fairness (JsonBuilder      *b,
              const char       *member,
              const PwFairness *f)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "matched");
  json_builder_add_int_value (b, f->matched);
  json_builder_set_member_name (b, "unmatched");
  json_builder_add_int_value (b, f->unmatched);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, f->total);
  json_builder_set_member_name (b, "lowest");
  json_builder_add_int_value (b, f->lowest);
  json_builder_set_member_name (b, "highest");
  json_builder_add_int_value (b, f->highest);
  json_builder_set_member_name (b, "mean");
  json_builder_add_double_value (b, round (f->mean * 10) / 10);
  json_builder_set_member_name (b, "stddev");
  json_builder_add_double_value (b, round (f->stddev * 10) / 10);
  json_builder_end_object (b);
}

static void
add_person_ref (JsonBuilder *b,
                const char  *member,
                PwPerson    *person)
{
  if (member != NULL)
    json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, pw_person_get_id (person));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, pw_person_get_name (person));
  json_builder_end_object (b);
}

JsonNode *
pw_match_to_json (PwMatchRun *run)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  PwFairness fairness, other;
  guint m = run->mentors->len;

  g_return_val_if_fail (run != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "policy");
  json_builder_add_string_value (b, run->random ? "random"
                                 : run->settings.policy == PW_SOLVER_POLICY_SCORE ? "score" : "coverage");
  if (run->random)
    {
      json_builder_set_member_name (b, "seed");
      json_builder_add_int_value (b, (gint64)run->seed);
    }

  json_builder_set_member_name (b, "pairs");
  json_builder_begin_array (b);
  for (guint i = 0; i < run->mentees->len; i++)
    {
      int j = pw_match_get_assignment (run, i);
      g_autofree char *why = NULL;
      PwPairScore score;

      if (j < 0)
        continue;

      score_pair (run, &g_array_index (run->mentees, Side, i), &g_array_index (run->mentors, Side, j), &score);
      why = pw_match_explain_pair (run, i);

      json_builder_begin_object (b);
      add_person_ref (b, "mentee", g_array_index (run->mentees, Side, i).person);
      add_person_ref (b, "mentor", g_array_index (run->mentors, Side, j).person);
      json_builder_set_member_name (b, "score");
      json_builder_add_int_value (b, score.score);
      json_builder_set_member_name (b, "contributions");
      json_builder_begin_object (b);
      for (guint c = 0; c < PW_N_CRITERIA; c++)
        {
          json_builder_set_member_name (b, criterion_names[c]);
          json_builder_add_int_value (b, score.contributions[c]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "explanation");
      json_builder_add_string_value (b, why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "unmatched");
  json_builder_begin_array (b);
  for (guint i = 0; i < run->mentees->len; i++)
    {
      g_autofree char *why = NULL;

      if (pw_match_get_assignment (run, i) >= 0)
        continue;

      why = pw_match_explain_unmatched (run, i);
      json_builder_begin_object (b);
      add_person_ref (b, "mentee", g_array_index (run->mentees, Side, i).person);
      json_builder_set_member_name (b, "diagnosis");
      json_builder_add_string_value (b, why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "mentors_without_mentee");
  json_builder_begin_array (b);
  for (guint j = 0; j < m; j++)
    if (mentor_load (run, j) == 0)
      add_person_ref (b, NULL, g_array_index (run->mentors, Side, j).person);
  json_builder_end_array (b);

  pw_match_fairness (run, &fairness);
  add_fairness (b, "fairness", &fairness);
  if (!run->random && pw_match_fairness_other_policy (run, &other, NULL))
    add_fairness (b, "other_policy", &other);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * pw_match_save_proposals:
 *
 * Replaces the programme's unlocked proposals with this solution, in one
 * transaction. Locked proposals stay as they are.
 */
gboolean
pw_match_save_proposals (PwMatchRun  *run,
                         GError     **error)
{
  gint64 programme_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (run->result != NULL, FALSE);

  programme_id = pw_programme_get_id (run->programme);

  if (!pw_store_begin (run->store, error))
    return FALSE;

  if (!exec_bound (run->store, "DELETE FROM pair WHERE programme_id = ? AND state = 'proposed' AND locked = 0",
                   error, "pair", 1, 'i', programme_id))
    goto fail;

  stmt = pw_store_prepare (run->store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, score, random, explanation) "
                           "VALUES (?, ?, ?, 'proposed', ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;

  for (guint i = 0; i < run->mentees->len; i++)
    {
      int j = pw_match_get_assignment (run, i);
      Side *mentee, *mentor;
      g_autofree char *why = NULL;
      PwPairScore score;

      if (j < 0)
        continue;

      mentee = &g_array_index (run->mentees, Side, i);
      mentor = &g_array_index (run->mentors, Side, j);
      if (key_set_contains (run->locks, mentee->id, mentor->id))
        continue;  /* still there */

      score_pair (run, mentee, mentor, &score);
      why = pw_match_explain_pair (run, i);

      stmt = pw_store_prepare (run->store,
                               "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, score, random, explanation) "
                               "VALUES (?, ?, ?, 'proposed', ?, ?, ?)",
                               error);
      sqlite3_bind_int64 (stmt, 1, programme_id);
      sqlite3_bind_int64 (stmt, 2, mentee->id);
      sqlite3_bind_int64 (stmt, 3, mentor->id);
      sqlite3_bind_int (stmt, 4, score.score);
      sqlite3_bind_int (stmt, 5, run->random);
      sqlite3_bind_text (stmt, 6, why, -1, SQLITE_TRANSIENT);
      if (pw_store_step (run->store, stmt, error) < 0)
        goto fail;
      sqlite3_reset (stmt);
    }

  if (!pw_store_commit (run->store, error))
    return FALSE;

  pw_store_emit_changed (run->store, "pair");
  return TRUE;

fail:
  pw_store_rollback (run->store);
  return FALSE;
}
