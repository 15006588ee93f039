/* test-match.c — scoring, hard rules, explanations and the pair lifecycle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-match.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static const char *scale[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                               "Band 6", "Band 7", "Band 8", "Band 9", NULL };

typedef struct
{
  PwStore *store;
  gint64   programme;
} Fixture;

static gint64
add (Fixture    *f,
     const char *name,
     const char *grade,
     const char *role,
     gint64      manager,
     const char *offered,
     const char *wanted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.org", name);
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  pw_person_set_field (p, "grade", grade, NULL);
  pw_person_set_field (p, "role-wanted", role, NULL);
  pw_person_set_field (p, "topics-offered", offered ? offered : "", NULL);
  pw_person_set_field (p, "topics-wanted", wanted ? wanted : "", NULL);
  pw_person_set_manager_id (p, manager);
  g_assert_true (pw_person_repo_insert (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, pw_person_get_id (p), &error));
  return pw_person_get_id (p);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Match");
  g_autoptr(PwRule) mentees = NULL;
  g_autoptr(PwRule) mentors = NULL;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  f->programme = pw_programme_get_id (programme);
  g_assert_true (pw_grade_scale_set (f->store, scale, &error));

  mentees = pw_rule_parse (PW_RULE_SET_MENTEE, "role-wanted in mentee", &error);
  mentors = pw_rule_parse (PW_RULE_SET_MENTOR, "role-wanted in mentor", &error);
  g_assert_true (pw_eligibility_add_rule_to_store (f->store, f->programme, mentees, &error));
  g_assert_true (pw_eligibility_add_rule_to_store (f->store, f->programme, mentors, &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
}

static int
index_of (PwMatchRun *run,
          gboolean    mentee,
          gint64      id)
{
  guint n = mentee ? pw_match_get_n_mentees (run) : pw_match_get_n_mentors (run);

  for (guint i = 0; i < n; i++)
    if (pw_person_get_id (mentee ? pw_match_get_mentee (run, i) : pw_match_get_mentor (run, i)) == id)
      return i;
  return -1;
}

static gint64
mentor_of (PwMatchRun *run,
           gint64      mentee_id)
{
  int i = index_of (run, TRUE, mentee_id);
  int j = i >= 0 ? pw_match_get_assignment (run, i) : -1;

  return j >= 0 ? pw_person_get_id (pw_match_get_mentor (run, j)) : 0;
}

static void
test_chain_and_topics (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autofree char *why = NULL;
  gint64 ceo, director, head, officer, outsider;

  /* A chain three levels deep: the officer reports (via two managers) to
   * the CEO, who wants to learn exactly what the officer offers. */
  ceo = add (f, "ceo", "Band 9", "mentee", 0, NULL, "TikTok, AI");
  director = add (f, "director", "Band 8", "either", ceo, NULL, NULL);
  head = add (f, "head", "Band 6", "either", director, NULL, NULL);
  officer = add (f, "officer", "Band 2", "mentor", head, "TikTok, AI", NULL);
  outsider = add (f, "outsider", "Band 3", "mentor", 0, "AI", NULL);

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_no_error (error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));

  g_assert_cmpstr (pw_match_blocked_reason (run, index_of (run, TRUE, ceo), index_of (run, FALSE, officer)),
                   ==, "one is in the other’s reporting line");
  g_assert_cmpint (mentor_of (run, ceo), ==, outsider);

  why = pw_match_explain_pair (run, index_of (run, TRUE, ceo));
  g_assert_nonnull (strstr (why, "outsider mentors ceo"));
  g_assert_nonnull (strstr (why, "Topic fit: 50 of 100 × weight 10 = 500 (offers AI)"));
  g_assert_nonnull (strstr (why, "No other mentor was possible."));
  (void)director;
}

static void
test_unmatched_diagnosis_and_capacity (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autofree char *why = NULL;
  gint64 boss, a, b, c, mentor;
  PwFairness fairness;

  boss = add (f, "boss", "Band 9", "mentee", 0, NULL, NULL);
  a = add (f, "a", "Band 8", "mentee", 0, NULL, "AI");
  b = add (f, "b", "Band 8", "mentee", 0, NULL, "AI");
  c = add (f, "c", "Band 7", "mentee", 0, NULL, "Excel");
  mentor = add (f, "mentor", "Band 2", "mentor", boss, "AI", NULL);
  {
    g_autoptr(PwPerson) p = pw_person_repo_get (f->store, mentor, &error);
    pw_person_set_field (p, "capacity", "2", NULL);
    g_assert_true (pw_person_repo_update (f->store, p, &error));
  }

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));

  /* Capacity 2: two of the three free mentees, the AI-minded ones. */
  g_assert_cmpint (mentor_of (run, a), ==, mentor);
  g_assert_cmpint (mentor_of (run, b), ==, mentor);
  g_assert_cmpint (mentor_of (run, c), ==, 0);
  g_assert_cmpint (mentor_of (run, boss), ==, 0);

  why = pw_match_explain_unmatched (run, index_of (run, TRUE, c));
  g_assert_cmpstr (why, ==, "c has no mentor: 1 mentor: already full.");
  g_free (why);
  why = pw_match_explain_unmatched (run, index_of (run, TRUE, boss));
  g_assert_cmpstr (why, ==, "boss has no mentor: 1 mentor: one is in the other’s reporting line.");

  pw_match_fairness (run, &fairness);
  g_assert_cmpuint (fairness.matched, ==, 2);
  g_assert_cmpuint (fairness.unmatched, ==, 2);
}

static void
test_lifecycle_and_rematch (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autoptr(PwMatchRun) again = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 senior, junior, other;
  PwPair *pair;

  senior = add (f, "senior", "Band 8", "mentee", 0, NULL, "AI");
  junior = add (f, "junior", "Band 2", "mentor", 0, "AI", NULL);
  other = add (f, "other", "Band 3", "mentor", 0, "Excel", NULL);

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
  g_assert_cmpint (mentor_of (run, senior), ==, junior);
  g_assert_true (pw_match_save_proposals (run, &error));
  g_assert_no_error (error);

  pairs = pw_pairs_list (f->store, f->programme, FALSE, &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = g_ptr_array_index (pairs, 0);
  g_assert_cmpint (pair->state, ==, PW_PAIR_PROPOSED);
  g_assert_nonnull (strstr (pair->explanation, "junior mentors senior"));

  /* Only approved or active pairs can end; only proposed ones approve. */
  g_assert_false (pw_pair_end (f->store, pair->id, TRUE, senior, "x", &error));
  g_assert_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (pw_pair_approve (f->store, pair->id, &error));
  g_assert_false (pw_pair_approve (f->store, pair->id, &error));
  g_clear_error (&error);
  g_assert_true (pw_pair_activate (f->store, pair->id, &error));

  /* Rematch without blame: the senior asked; the junior is left waiting. */
  g_assert_true (pw_pair_end (f->store, pair->id, TRUE, junior, "Diaries never lined up", &error));
  g_assert_no_error (error);

  again = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (again, FALSE, 0, NULL, &error));
  g_assert_cmpstr (pw_match_blocked_reason (again, index_of (again, TRUE, senior), index_of (again, FALSE, junior)),
                   ==, "they were paired before and the pair ended");
  g_assert_cmpint (mentor_of (again, senior), ==, other);

  after = pw_pairs_list (f->store, f->programme, TRUE, &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((PwPair *)g_ptr_array_index (after, 0))->end_kind, ==, "rematched");
}

static void
test_determinism_random_locks_forbid (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mentees[6], mentors[6];

  for (guint k = 0; k < 6; k++)
    {
      g_autofree char *me = g_strdup_printf ("mentee%u", k);
      g_autofree char *mo = g_strdup_printf ("mentor%u", k);

      mentees[k] = add (f, me, "Band 8", "mentee", 0, NULL, k % 2 ? "AI" : "Social media");
      mentors[k] = add (f, mo, "Band 2", "mentor", 0, k % 3 ? "AI" : "Social media", NULL);
    }

  {
    g_autoptr(PwMatchRun) r1 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) r2 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) b1 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) b2 = pw_match_prepare (f->store, f->programme, &error);

    g_assert_true (pw_match_solve (r1, FALSE, 0, NULL, &error));
    g_assert_true (pw_match_solve (r2, FALSE, 0, NULL, &error));
    g_assert_true (pw_match_solve (b1, TRUE, 42, NULL, &error));
    g_assert_true (pw_match_solve (b2, TRUE, 42, NULL, &error));
    for (guint k = 0; k < 6; k++)
      {
        g_assert_cmpint (mentor_of (r1, mentees[k]), ==, mentor_of (r2, mentees[k]));
        g_assert_cmpint (mentor_of (b1, mentees[k]), ==, mentor_of (b2, mentees[k]));
        g_assert_cmpint (mentor_of (b1, mentees[k]), !=, 0);
      }
  }

  /* Forbid what the solver chose for mentee 0; it must change. */
  {
    g_autoptr(PwMatchRun) before = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) forbidden = NULL;
    gint64 chosen;

    g_assert_true (pw_match_solve (before, FALSE, 0, NULL, &error));
    chosen = mentor_of (before, mentees[0]);
    g_assert_true (pw_pair_forbid (f->store, f->programme, mentees[0], chosen, TRUE, &error));
    forbidden = pw_match_prepare (f->store, f->programme, &error);
    g_assert_true (pw_match_solve (forbidden, FALSE, 0, NULL, &error));
    g_assert_cmpint (mentor_of (forbidden, mentees[0]), !=, chosen);
    g_assert_cmpstr (pw_match_blocked_reason (forbidden, index_of (forbidden, TRUE, mentees[0]),
                                              index_of (forbidden, FALSE, chosen)),
                     ==, "the coordinator ruled this pair out");
  }

  /* Career influence blocks in either role. */
  g_assert_true (pw_influence_add (f->store, mentees[1], mentors[1], "Appraiser", &error));
  {
    g_autoptr(PwMatchRun) run = pw_match_prepare (f->store, f->programme, &error);
    g_assert_cmpstr (pw_match_blocked_reason (run, index_of (run, TRUE, mentees[1]), index_of (run, FALSE, mentors[1])),
                     ==, "one influences the other’s career");
  }
}

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PwMatchSettings s, back;

  pw_match_settings_init (&s);
  s.weights[PW_CRITERION_GROWTH] = 9;
  s.similar[PW_ATTR_LOCATION] = PW_SIMILAR_SAME;
  s.policy = PW_SOLVER_POLICY_SCORE;
  g_assert_true (pw_match_settings_save (f->store, f->programme, &s, &error));
  g_assert_true (pw_match_settings_load (f->store, f->programme, &back, &error));
  g_assert_cmpint (back.weights[PW_CRITERION_GROWTH], ==, 9);
  g_assert_cmpint (back.similar[PW_ATTR_LOCATION], ==, PW_SIMILAR_SAME);
  g_assert_cmpint (back.policy, ==, PW_SOLVER_POLICY_SCORE);

  s.band_low = 90;
  s.band_high = 10;
  g_assert_false (pw_match_settings_save (f->store, f->programme, &s, &error));
  g_assert_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_INVALID);
}

/* The scoring as the criteria define it, from the profiles' text, for
 * checking the run's features against: nothing here is shared with
 * pw-match.c. */

static guint32 *
reference_words (const char *text,
                 guint      *n_out)
{
  static const char * const stop[] = {
    "that", "this", "with", "have", "from", "they", "been", "more", "about", "would",
    "their", "there", "what", "when", "which", "will", "into", "some", "like", "also",
    "want", "work", "being", "very", "much", "just", "than", "then", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start >= 4)
        {
          g_autofree char *word = g_strndup (start, p - start);
          gsize len = strlen (word);
          guint32 h;

          if (g_strv_contains (stop, word))
            continue;
          if (len > 4 && word[len - 1] == 's')
            word[len - 1] = '\0';
          h = g_str_hash (word);
          g_array_append_val (words, h);
        }
    }

  *n_out = words->len;
  return (guint32 *)g_array_free (words, FALSE);
}

static void
reference_word_bits (PwPerson *person,
                     gboolean  mentee,
                     guint64   bits[2],
                     guint    *n_words)
{
  g_autofree guint32 *words = reference_words (pw_person_get_text (person, mentee ? PW_PERSON_FIELD_DEVELOPMENT_AREAS
                                                                                 : PW_PERSON_FIELD_STRENGTHS),
                                               n_words);

  bits[0] = bits[1] = 0;
  for (guint w = 0; w < *n_words; w++)
    bits[(words[w] >> 6) & 1] |= G_GUINT64_CONSTANT (1) << (words[w] & 63);
}

static gboolean
casefold_equal (const char *a,
                const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (x, y);
}

static int
reference_months (PwPerson *person)
{
  const char *start = pw_person_get_text (person, PW_PERSON_FIELD_ROLE_START);
  g_autofree char *now = pw_date_today ();
  g_autoptr(GDate) from = pw_date_parse (start);
  g_autoptr(GDate) today = pw_date_parse (now);

  return from == NULL ? -1 : MAX (0, g_date_days_between (from, today) / 30);
}

static gboolean
reference_above (GHashTable *managers,
                 gint64      person,
                 gint64      maybe_above)
{
  gint64 id = person;

  for (guint depth = 0; depth < 64; depth++)
    {
      gint64 *manager = g_hash_table_lookup (managers, &id);

      if (manager == NULL)
        return FALSE;
      id = *manager;
      if (id == maybe_above)
        return TRUE;
    }

  return FALSE;
}

/* A fragment of the reason a pair is blocked for, or NULL if it is not. */
static const char *
reference_block (PwStore         *store,
                 PwProgramme     *programme,
                 GHashTable      *managers,
                 GHashTable      *ruled_out,
                 PwPerson        *a,
                 PwPerson        *b)
{
  gint64 ia = pw_person_get_id (a), ib = pw_person_get_id (b);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, ia, ib);
  g_autofree char *influence = g_strdup_printf ("i%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, ia, ib);
  int ga = pw_grade_scale_position (store, pw_person_get_grade (a));
  int gb = pw_grade_scale_position (store, pw_person_get_grade (b));
  const char *da = pw_person_get_text (a, PW_PERSON_FIELD_DISCIPLINE);
  const char *db = pw_person_get_text (b, PW_PERSON_FIELD_DISCIPLINE);
  gboolean same;

  if (reference_above (managers, ia, ib) || reference_above (managers, ib, ia))
    return "reporting line";
  if (g_hash_table_contains (ruled_out, influence))
    return "influences";
  if (g_hash_table_contains (ruled_out, key))
    return "ruled this pair out";

  switch (pw_programme_get_pair_seniority (programme))
    {
    case PW_PAIR_SENIORITY_SENIOR:
      if (ga < 0 || gb < 0 || gb <= ga)
        return "grade";
      break;
    case PW_PAIR_SENIORITY_EXPERIENCED:
      if (gb < 0 || gb != ga || reference_months (b) <= reference_months (a))
        return "grade";
      break;
    default:
      break;
    }

  same = da[0] != '\0' && g_ascii_strcasecmp (da, db) == 0;
  if (pw_programme_get_pair_discipline (programme) != PW_PAIR_DISCIPLINE_EITHER &&
      (pw_programme_get_pair_discipline (programme) == PW_PAIR_DISCIPLINE_SAME) != same)
    return "discipline";

  return NULL;
}

static void
reference_values (PwStore               *store,
                  PwProgramme           *programme,
                  const PwMatchSettings *settings,
                  PwPerson              *a,
                  PwPerson              *b,
                  int                    values[PW_N_CRITERIA])
{
  static const PwPersonFieldId attrs[PW_N_ATTRS] = {
    PW_PERSON_FIELD_DEPARTMENT, PW_PERSON_FIELD_LOCATION, PW_PERSON_FIELD_DISCIPLINE,
    PW_PERSON_FIELD_BACKGROUND, PW_PERSON_FIELD_STAFF_GROUP, PW_PERSON_FIELD_AGE_BAND,
    PW_PERSON_FIELD_GENDER, PW_PERSON_FIELD_ETHNICITY, PW_PERSON_FIELD_DISABILITY,
  };
  const char * const *wanted = pw_person_get_topics_wanted (a);
  const char * const *offered = pw_person_get_topics_offered (b);
  guint n_wanted = g_strv_length ((char **)wanted), hits = 0;
  int ga = pw_grade_scale_position (store, pw_person_get_grade (a));
  int gb = pw_grade_scale_position (store, pw_person_get_grade (b));
  PwProgrammeKind kind = pw_programme_get_kind (programme);
  guint compared = 0, alike = 0, asked = 0, met = 0, common = 0, na, nb;
  int gap, percent, forms, hours;
  int ca = pw_person_get_number (a, PW_PERSON_FIELD_PREFERRED_CONTACT);
  int cb = pw_person_get_number (b, PW_PERSON_FIELD_PREFERRED_CONTACT);
  int ha = pw_person_get_hours_per_month (a), hb = pw_person_get_hours_per_month (b);
  guint64 wa[2], wb[2];

  for (guint i = 0; i < n_wanted; i++)
    for (guint k = 0; offered[k] != NULL; k++)
      if (casefold_equal (wanted[i], offered[k]))
        {
          hits++;
          break;
        }
  values[PW_CRITERION_TOPICS] = n_wanted == 0 ? 50 : (int)(100 * hits / n_wanted);

  gap = kind == PW_PROGRAMME_KIND_REVERSE ? ga - gb : gb - ga;
  if (kind == PW_PROGRAMME_KIND_PEER)
    values[PW_CRITERION_GAP] = 100;
  else if (ga < 0 || gb < 0 || gap <= 0)
    values[PW_CRITERION_GAP] = 0;
  else
    values[PW_CRITERION_GAP] = settings->min_gap <= 0 || gap >= settings->min_gap ? 100 : 100 * gap / settings->min_gap;

  for (guint k = 0; k < PW_N_ATTRS; k++)
    {
      const char *x = pw_person_get_text (a, attrs[k]);
      const char *y = pw_person_get_text (b, attrs[k]);
      gboolean alike_here;

      if ((k >= PW_ATTR_AGE_BAND && !pw_programme_get_sensitive_enabled (programme)) ||
          x[0] == '\0' || y[0] == '\0')
        continue;
      alike_here = casefold_equal (x, y);
      compared++;
      alike += alike_here;
      if (settings->similar[k] != PW_SIMILAR_IGNORE)
        {
          asked++;
          met += alike_here == (settings->similar[k] == PW_SIMILAR_SAME);
        }
    }
  percent = compared ? (int)(100 * alike / compared) : 50;
  values[PW_CRITERION_SIMILARITY] = asked ? (int)(100 * met / asked) : 50;
  values[PW_CRITERION_BALANCE] = percent >= settings->band_low && percent <= settings->band_high ? 100 : 0;

  forms = ca == 0 || cb == 0 ? 50 : (ca & cb) ? 100 : 0;
  hours = ha == 0 || hb == 0 ? 50 : 100 * MIN (ha, hb) / MAX (ha, hb);
  values[PW_CRITERION_CONTACT] = (forms + hours) / 2;

  reference_word_bits (a, TRUE, wa, &na);
  reference_word_bits (b, FALSE, wb, &nb);
  for (guint k = 0; k < 128; k++)
    common += ((wa[k / 64] & wb[k / 64]) >> (k % 64)) & 1;
  values[PW_CRITERION_GROWTH] = na == 0 || nb == 0 ? 0 : MIN (100, (int)(common * 100 / 3));
}

static const char *pools[][6] = {
  { "Finance", "finance", "FINANCE", "Équipe", "ÉQUIPE", "" },            /* department */
  { "Leeds", "leeds", "Straße", "STRASSE", "Paris", "" },                /* location */
  { "Engineering", "ENGINEERING", "Ingénierie", "INGÉNIERIE", "Law", "" }, /* discipline */
  { "Clinical", "clinical", "Research", "", "", "" },                    /* background */
  { "Nursing", "Admin", "admin", "", "", "" },                           /* staff group */
  { "16-24", "25-34", "35-44", "", "", "" },                             /* age band */
  { "Woman", "woman", "Man", "Non-binary", "", "" },                     /* gender */
  { "White", "Black", "Asian", "", "", "" },                             /* ethnicity */
  { "Yes", "No", "", "", "", "" },                                       /* disability */
};
static const char *attr_fields[] = {
  "department", "location", "discipline", "background", "staff-group",
  "age-band", "gender", "ethnicity", "disability",
};
static const char *word_pool[] = {
  "skills", "skill", "Illustrating", "INFRASTRUCTURE", "développement", "Équipe", "équipes",
  "that", "about", "coaching", "Coaching", "web3x", "data", "strategy", "strategies", "I",
  "Inclusion", "inclusion", "stakeholders", "listening", "budgets", "Budget", "ıi", "ok",
  "SKILLS", "BUDGETS", "Ideas", "IDEAS", "Idea",
};
static const char *topic_pool[] = {
  "AI", "Data", "data science", "TikTok", "Écologie", "Coding", "Leadership", "Podcasts",
};

static gint64
add_varied (Fixture *f,
            GRand   *rand,
            guint    k,
            gint64   manager,
            gboolean mentee)
{
  static const char *contacts[] = { "", "video", "phone, email", "in-person, video", "email" };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("p%03u", k);
  g_autofree char *email = g_strdup_printf ("p%03u@example.org", k);
  g_autoptr(PwPerson) p = pw_person_new (name, email);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) topics = g_string_new (NULL);
  g_autofree char *hours = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 41));
  g_autofree char *capacity = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4));
  g_autofree char *start = g_strdup_printf ("20%02d-%02d-15", g_rand_int_range (rand, 10, 25),
                                            g_rand_int_range (rand, 1, 13));
  guint taken = 0;

  for (guint a = 0; a < PW_N_ATTRS; a++)
    g_assert_true (pw_person_set_field (p, attr_fields[a], pools[a][g_rand_int_range (rand, 0, 6)], NULL));
  g_assert_true (pw_person_set_field (p, "grade", g_rand_int_range (rand, 0, 8) == 0 ? "" :
                                      scale[g_rand_int_range (rand, 0, 9)], NULL));
  g_assert_true (pw_person_set_field (p, "role-start", g_rand_int_range (rand, 0, 6) == 0 ? "" : start, NULL));
  g_assert_true (pw_person_set_field (p, "role-wanted", mentee ? "mentee" : "mentor", NULL));
  g_assert_true (pw_person_set_field (p, "hours-per-month", hours, NULL));
  g_assert_true (pw_person_set_field (p, "capacity", capacity, NULL));
  g_assert_true (pw_person_set_field (p, "preferred-contact", contacts[g_rand_int_range (rand, 0, 5)], NULL));
  for (guint w = g_rand_int_range (rand, 0, 9); w > 0; w--)
    g_string_append_printf (words, "%s%s", word_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (word_pool))],
                            g_rand_boolean (rand) ? ", " : " ");
  g_assert_true (pw_person_set_field (p, mentee ? "development-areas" : "strengths", words->str, NULL));
  /* Distinct topics, one each from a random subset. */
  for (guint t = 0; t < G_N_ELEMENTS (topic_pool); t++)
    if (g_rand_int_range (rand, 0, 3) == 0)
      {
        g_autofree char *upper = g_utf8_strup (topic_pool[t], -1);

        g_string_append_printf (topics, "%s%s", taken++ ? ", " : "",
                                g_rand_boolean (rand) ? topic_pool[t] : upper);
      }
  g_assert_true (pw_person_set_field (p, mentee ? "topics-wanted" : "topics-offered", topics->str, NULL));
  pw_person_set_manager_id (p, manager);
  g_assert_true (pw_person_repo_insert (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, pw_person_get_id (p), &error));
  return pw_person_get_id (p);
}

/* Every pair's score and block from the run's features against the
 * criteria computed from the profiles' text, over programmes of every
 * kind and rule; and the same matrix whether one thread or two build it. */
static void
test_features_against_reference (Fixture       *f,
                                 gconstpointer  data)
{
  static const struct
  {
    PwProgrammeKind  kind;
    PwPairSeniority  seniority;
    PwPairDiscipline discipline;
    gboolean         sensitive;
  } configs[] = {
    { PW_PROGRAMME_KIND_REVERSE, PW_PAIR_SENIORITY_ANY, PW_PAIR_DISCIPLINE_EITHER, TRUE },
    { PW_PROGRAMME_KIND_TRADITIONAL, PW_PAIR_SENIORITY_SENIOR, PW_PAIR_DISCIPLINE_SAME, FALSE },
    { PW_PROGRAMME_KIND_PEER, PW_PAIR_SENIORITY_EXPERIENCED, PW_PAIR_DISCIPLINE_DIFFERENT, TRUE },
    { PW_PROGRAMME_KIND_REVERSE, PW_PAIR_SENIORITY_ANY, PW_PAIR_DISCIPLINE_DIFFERENT, FALSE },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) ruled_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint checked = 0, blocked = 0;

  for (guint k = 0; k < 70; k++)
    {
      gint64 manager = k > 0 && g_rand_int_range (rand, 0, 2) == 0
                       ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, k)) : 0;
      gint64 id = add_varied (f, rand, k, manager, k % 2 == 0);

      g_array_append_val (ids, id);
      if (manager != 0)
        g_hash_table_insert (managers, g_memdup2 (&id, sizeof id), g_memdup2 (&manager, sizeof manager));
    }
  /* A few exceptions: career influence (both ways) and ruled-out pairs. */
  for (guint k = 0; k < 6; k++)
    {
      gint64 a = g_array_index (ids, gint64, 2 * g_rand_int_range (rand, 0, 35));
      gint64 b = g_array_index (ids, gint64, 2 * g_rand_int_range (rand, 0, 35) + 1);

      if (k % 2 == 0)
        {
          g_assert_true (pw_influence_add (f->store, b, a, "appraiser", &error));
          g_hash_table_add (ruled_out, g_strdup_printf ("i%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b));
        }
      else
        {
          g_assert_true (pw_pair_forbid (f->store, f->programme, a, b, TRUE, &error));
          g_hash_table_add (ruled_out, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b));
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    {
      g_autoptr(PwProgramme) programme = pw_programme_repo_get (f->store, f->programme, &error);
      g_autoptr(PwMatchRun) one = NULL;
      g_autoptr(PwMatchRun) two = NULL;
      g_autoptr(JsonNode) json_one = NULL;
      g_autoptr(JsonNode) json_two = NULL;
      g_autofree char *text_one = NULL;
      g_autofree char *text_two = NULL;
      PwMatchSettings settings;
      const gint32 *matrix;
      guint n, m;

      pw_programme_set_kind (programme, configs[c].kind);
      pw_programme_set_pair_seniority (programme, configs[c].seniority);
      pw_programme_set_pair_discipline (programme, configs[c].discipline);
      pw_programme_set_sensitive_enabled (programme, configs[c].sensitive);
      g_assert_true (pw_programme_repo_update (f->store, programme, &error));
      g_assert_no_error (error);

      pw_match_settings_init (&settings);
      for (guint a = 0; a < PW_N_ATTRS; a++)
        settings.similar[a] = (a + c) % 3;
      settings.weights[PW_CRITERION_GROWTH] = 7;
      settings.min_gap = 1 + c;
      settings.band_low = 10 * c;
      settings.band_high = 60 + 10 * c;
      g_assert_true (pw_match_settings_save (f->store, f->programme, &settings, &error));

      g_setenv ("PAIRWISE_MATCH_THREADS", "1", TRUE);
      one = pw_match_prepare (f->store, f->programme, &error);
      g_setenv ("PAIRWISE_MATCH_THREADS", "2", TRUE);
      two = pw_match_prepare (f->store, f->programme, &error);
      g_unsetenv ("PAIRWISE_MATCH_THREADS");
      g_assert_no_error (error);

      n = pw_match_get_n_mentees (one);
      m = pw_match_get_n_mentors (one);
      g_assert_cmpuint (n, ==, 35);
      g_assert_cmpuint (m, ==, 35);
      matrix = pw_solver_problem_get_scores (pw_match_get_problem (one));
      g_assert_cmpmem (matrix, (gsize)n * m * sizeof (gint32),
                       pw_solver_problem_get_scores (pw_match_get_problem (two)), (gsize)n * m * sizeof (gint32));

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < m; j++)
          {
            PwPerson *a = pw_match_get_mentee (one, i);
            PwPerson *b = pw_match_get_mentor (one, j);
            const char *expected_block = reference_block (f->store, programme, managers, ruled_out, a, b);
            const char *block = pw_match_blocked_reason (one, i, j);
            int expected[PW_N_CRITERIA];
            PwPairScore score;
            gboolean allowed = pw_match_score_pair (one, i, j, &score);
            int sum = 0;

            reference_values (f->store, programme, &settings, a, b, expected);
            for (guint k = 0; k < PW_N_CRITERIA; k++)
              {
                if (score.values[k] != expected[k])
                  g_error ("config %u, %s and %s: %s is %d, expected %d", c, pw_person_get_name (a),
                           pw_person_get_name (b), pw_criterion_name (k), score.values[k], expected[k]);
                g_assert_cmpint (score.contributions[k], ==, expected[k] * settings.weights[k]);
                sum += score.contributions[k];
              }
            g_assert_cmpint (score.score, ==, sum);

            if (expected_block == NULL)
              {
                g_assert_true (allowed);
                g_assert_null (block);
                g_assert_cmpint (matrix[(gsize)i * m + j], ==, sum);
              }
            else
              {
                g_assert_false (allowed);
                g_assert_nonnull (block);
                if (strstr (block, expected_block) == NULL)
                  g_error ("config %u, %s and %s: blocked because %s, expected %s", c, pw_person_get_name (a),
                           pw_person_get_name (b), block, expected_block);
                g_assert_cmpint (matrix[(gsize)i * m + j], ==, PW_SOLVER_FORBIDDEN);
                blocked++;
              }
            checked++;
          }

      /* The whole result, explanations included, whichever built it. */
      g_assert_true (pw_match_solve (one, FALSE, 0, NULL, &error));
      g_assert_true (pw_match_solve (two, FALSE, 0, NULL, &error));

      /* Each explanation's runner-up: the first allowed other mentor with
       * the best score, by the reference scores. */
      for (guint i = 0; i < n; i++)
        {
          int j = pw_match_get_assignment (one, i);
          g_autofree char *why = pw_match_explain_pair (one, i);
          g_autofree char *expected = NULL;
          int best = -1, best_score = 0, own = 0;

          if (j < 0)
            continue;
          for (guint k = 0; k < m; k++)
            {
              int values[PW_N_CRITERIA], score = 0;

              if (pw_match_blocked_reason (one, i, k) != NULL)
                continue;
              reference_values (f->store, programme, &settings, pw_match_get_mentee (one, i),
                                pw_match_get_mentor (one, k), values);
              for (guint q = 0; q < PW_N_CRITERIA; q++)
                score += values[q] * settings.weights[q];
              if ((int)k == j)
                own = score;
              else if (best < 0 || score > best_score)
                best = k, best_score = score;
            }
          if (best < 0)
            expected = g_strdup ("No other mentor was possible.");
          else if (best_score <= own)
            expected = g_strdup_printf ("Runner-up: %s, %d points behind.",
                                        pw_person_get_name (pw_match_get_mentor (one, best)), own - best_score);
          else
            expected = g_strdup_printf ("%s would score %d points more here",
                                        pw_person_get_name (pw_match_get_mentor (one, best)), best_score - own);
          if (strstr (why, expected) == NULL)
            g_error ("config %u, mentee %u: expected “%s” in:\n%s", c, i, expected, why);
        }

      json_one = pw_match_to_json (one);
      json_two = pw_match_to_json (two);
      text_one = json_to_string (json_one, FALSE);
      text_two = json_to_string (json_two, FALSE);
      g_assert_cmpstr (text_one, ==, text_two);
    }

  /* Both kinds of pair were seen. */
  g_assert_cmpuint (blocked, >, 0);
  g_assert_cmpuint (blocked, <, checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/match/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("chain-and-topics", test_chain_and_topics);
  ADD ("unmatched-diagnosis-and-capacity", test_unmatched_diagnosis_and_capacity);
  ADD ("lifecycle-and-rematch", test_lifecycle_and_rematch);
  ADD ("determinism-random-locks-forbid", test_determinism_random_locks_forbid);
  ADD ("settings-round-trip", test_settings_round_trip);
  ADD ("features-against-reference", test_features_against_reference);
#undef ADD

  return g_test_run ();
}
