/* gen-people.c — writes a realistic HR export of N invented people (CSV)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gen-people [N] [FILE]   (10000 people to stdout by default)
 *
 * Deterministic (a fixed seed), so every run measures the same bytes. Names
 * are built from syllables; any likeness to real people is accidental.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pw-csv.h"

static const char *first_a[] = { "Ma", "Jo", "Sa", "Le", "Ki", "Ro", "Da", "Ny", "Ha", "Pri",
                                 "Ai", "Fe", "Lu", "Ze", "Ol", "Ta", "Be", "Mi", "Ra", "Co" };
static const char *first_b[] = { "ra", "nah", "die", "ya", "ssa", "bert", "niel", "am", "ti",
                                 "ena", "la", "lix", "cas", "nep", "ive", "mar", "th", "lo" };
static const char *last_a[] = { "Ash", "Brack", "Cal", "Dun", "Ell", "Fair", "Gar", "Hol", "Ing",
                                "Kel", "Lang", "Mor", "Nor", "Oak", "Pem", "Quar", "Rad", "Stan" };
static const char *last_b[] = { "worth", "ley", "ford", "by", "wood", "ton", "croft", "field",
                                 "ridge", "shaw", "well", "bury", "dale", "more", "wick" };
static const char *departments[] = {
  "Executive Office", "Housing Management", "Repairs and Maintenance", "Customer Contact Centre",
  "Income and Financial Inclusion", "Independent Living", "Development and Regeneration",
  "Digital and Data", "Finance", "People and Culture",
};
static const char *titles[] = {
  "Apprentice", "Customer Adviser", "Neighbourhood Officer", "Repairs Planner", "Surveyor",
  "Data Analyst", "Income Officer", "Team Leader", "Service Manager", "Head of Service",
  "Director",
};
static const char *locations[] = { "Brackenford", "Millbrook depot", "Riverside House", "Home" };
static const char *topics[] = {
  "technology", "social media", "diversity and inclusion", "life at the front line",
  "current trends", "hybrid working", "data", "leadership", "customer voice",
};
static const char *phrases[] = {
  "I listen first and ask questions later",
  "I want to understand how decisions are made at the top",
  "juggling a rota with two children at school",
  "I have run a community football team for six years",
  "learning to present to the board without notes",
  "our tenants use WhatsApp more than our portal, and we should too",
  "I would like to lead a team, or at least a project",
  "walking in the Dales, cooking for too many people, and \"fixing\" old bikes",
  "someone who will tell me the truth, kindly",
  "it means the apprentice teaches the director, and both learn",
};

static void
append_phrases (GString *out,
                GRand   *rand,
                int      n)
{
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i % 2 ? "; " : ".\n");
      g_string_append (out, phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);
    }
}

static char *
pick_topics (GRand *rand)
{
  GString *out = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 4);

  for (int i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "",
                            topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))]);

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const header[] = {
    "Employee ID", "Full name", "Work email", "Line Manager", "Directorate", "Job title", "Band",
    "Office", "Date joined", "In role since", "Mentor or mentee", "Capacity", "Hours a month",
    "Topics offered", "Topics wanted", "Strengths", "Areas to develop", "Current challenges",
    "Unique experiences", "Ideal mentoring relationship", "Describe yourself",
    "Where in three years", "Passions", "Work-life balance", "Preferred communication",
    "What reverse mentoring means to them", "Time available", "Discipline", "Responsibilities",
    "Cost centre",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270104);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree guint *order = NULL;
  g_autofree char **emails = NULL;
  g_autofree int *band = NULL;
  g_autoptr(GError) error = NULL;
  int n = argc > 1 ? atoi (argv[1]) : 10000;

  if (n <= 0)
    {
      fprintf (stderr, "gen-people: N must be a positive number\n");
      return 2;
    }

  emails = g_new0 (char *, n);
  band = g_new0 (int, n);
  order = g_new (guint, n);

  /* Person i reports to (i - 1) / 6: a tree about five levels deep, with
   * bands falling with depth. */
  for (int i = 0; i < n; i++)
    {
      int depth = 0;

      for (int k = i; k > 0; k = (k - 1) / 6)
        depth++;
      band[i] = CLAMP (9 - depth - g_rand_int_range (rand, 0, 2), 1, 9);
      order[i] = i;
    }

  /* HR exports are sorted by name, not by hierarchy: shuffle, so many
   * managers come after their reports. */
  for (int i = n - 1; i > 0; i--)
    {
      int j = g_rand_int_range (rand, 0, i + 1);
      guint t = order[i];

      order[i] = order[j];
      order[j] = t;
    }

  pw_csv_append_row (out, header, G_N_ELEMENTS (header), ',');

  for (int i = 0; i < n; i++)
    {
      char *name = g_strdup_printf ("%s%s %s%s",
                                    first_a[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_a))],
                                    first_b[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_b))],
                                    last_a[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_a))],
                                    last_b[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_b))]);
      emails[i] = g_strdup_printf ("%s.%d@brackenford-homes.example", name, i);
      g_strdelimit (emails[i], " ", '.');
      g_free (name);
    }

  for (int r = 0; r < n; r++)
    {
      int i = order[r];
      g_autofree char *id = g_strdup_printf ("E%06d", 100000 + i);
      g_autofree char *name = g_strndup (emails[i], strchr (emails[i], '@') - emails[i]);
      g_autofree char *joined = g_strdup_printf ("%04d-%02d-%02d", 1995 + g_rand_int_range (rand, 0, 30),
                                                 g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autofree char *in_role = g_strdup_printf ("%04d-%02d-01", 2018 + g_rand_int_range (rand, 0, 8),
                                                  g_rand_int_range (rand, 1, 13));
      g_autofree char *grade = g_strdup_printf ("Band %d", band[i]);
      g_autofree char *capacity = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4));
      g_autofree char *hours = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 9));
      g_autofree char *offered = pick_topics (rand);
      g_autofree char *wanted = pick_topics (rand);
      g_autofree char *cost = g_strdup_printf ("CC-%04d", g_rand_int_range (rand, 0, 400));
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      const char *row[G_N_ELEMENTS (header)];
      guint c = 0;

      /* "Ann.Ashworth.17" → "Ann Ashworth" */
      *strrchr (name, '.') = '\0';
      g_strdelimit (name, ".", ' ');

      for (int t = 0; t < 12; t++)
        {
          GString *text = g_string_new (NULL);
          append_phrases (text, rand, g_rand_int_range (rand, 1, 4));
          g_ptr_array_add (texts, g_string_free (text, FALSE));
        }

      row[c++] = id;
      row[c++] = name;
      row[c++] = emails[i];
      row[c++] = i == 0 ? "" : emails[(i - 1) / 6];
      row[c++] = departments[i % G_N_ELEMENTS (departments)];
      row[c++] = titles[MIN (band[i] + g_rand_int_range (rand, 0, 3), (int)G_N_ELEMENTS (titles)) - 1];
      row[c++] = grade;
      row[c++] = locations[g_rand_int_range (rand, 0, G_N_ELEMENTS (locations))];
      row[c++] = joined;
      row[c++] = in_role;
      row[c++] = band[i] >= 6 ? "mentee" : (band[i] <= 3 ? "mentor" : "either");
      row[c++] = capacity;
      row[c++] = hours;
      row[c++] = offered;
      row[c++] = wanted;
      for (guint t = 0; t < 9; t++)
        row[c++] = g_ptr_array_index (texts, t);
      row[c++] = g_rand_boolean (rand) ? "video, in-person" : "email";
      row[c++] = g_ptr_array_index (texts, 9);
      row[c++] = g_ptr_array_index (texts, 10);
      row[c++] = departments[(i / 7) % G_N_ELEMENTS (departments)];
      row[c++] = g_ptr_array_index (texts, 11);
      row[c++] = cost;
      g_assert (c == G_N_ELEMENTS (header));

      pw_csv_append_row (out, row, c, ',');
    }

  for (int i = 0; i < n; i++)
    g_free (emails[i]);

  if (argc > 2)
    {
      if (!g_file_set_contents (argv[2], out->str, out->len, &error))
        {
          fprintf (stderr, "gen-people: %s\n", error->message);
          return 1;
        }
    }
  else
    fwrite (out->str, 1, out->len, stdout);

  return 0;
}
