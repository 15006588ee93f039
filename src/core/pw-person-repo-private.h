/* pw-person-repo-private.h — writing people as rows of columns, without a
 * PwPerson each: what the CSV import of thousands of people needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-person-private.h"
#include "pw-person-repo.h"

G_BEGIN_DECLS

/* One person as the person table stores them. pw_person_repo_insert() and
 * pw_person_repo_update() go through this too, so a row written here is
 * the row a PwPerson with the same fields would have written. Strings are
 * borrowed: they must outlive the call that writes the row. */
typedef struct
{
  gint64      id;                            /* 0 for a new person */
  const char *uuid;
  gint64      manager_id;                    /* 0 for none */
  /* TEXT and DATE fields: the text ("" when empty; the grade is NULL when
   * there is none); ROLE: its nick; TOPICS: a JSON array of strings. */
  const char *text [PW_PERSON_N_FIELDS];
  int         length [PW_PERSON_N_FIELDS];   /* of each text in bytes, or -1 */
  int         number [PW_PERSON_N_FIELDS];   /* NUMBER and CONTACT fields */
  /* On insert: created and modified, as pw_person_repo_now() gives them;
   * NULL for the moment of the insert. An import gives all its people
   * one, saving SQLite a strftime() a column a row. */
  const char *created;
} PwPersonRow;

/* Name and email of everyone in the directory, without whole records. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *email;
} PwPersonKey;

/* The row of a new PwPerson: every field empty or at its default; no
 * UUID yet. */
void        pw_person_row_init            (PwPersonRow        *row);
/* @person's row; JSON texts it needs are added to @keep. */
void        pw_person_row_init_from_person (PwPersonRow       *row,
                                           PwPerson           *person,
                                           GPtrArray          *keep);

/* As pw_person_repo_insert(), with the validation left to the caller
 * (the row is written as it is); sets @id to the new person's ID. */
gboolean    pw_person_repo_insert_row     (PwStore            *store,
                                           const PwPersonRow  *row,
                                           gint64             *id,
                                           GError            **error);
/* As pw_person_repo_update(), for @row->id, likewise unvalidated. */
gboolean    pw_person_repo_update_row     (PwStore            *store,
                                           const PwPersonRow  *row,
                                           GError            **error);
/* Sets one person's manager (0 for none), as an update of that person. */
gboolean    pw_person_repo_set_manager    (PwStore            *store,
                                           gint64              id,
                                           gint64              manager_id,
                                           GError            **error);
/* The time now as the schema's defaults write it (created, modified,
 * enrolled). */
char       *pw_person_repo_now            (PwStore            *store,
                                           GError            **error);

/* Many new people in the caller's transaction: the statements are found
 * once, not a lookup of their SQL a row. Valid while @store lives. */
typedef struct
{
  PwStore      *store;
  sqlite3_stmt *insert;
  sqlite3_stmt *enrol;
  sqlite3_stmt *enrol_range;
} PwPersonWriter;

gboolean    pw_person_writer_init         (PwPersonWriter     *writer,
                                           PwStore            *store,
                                           GError            **error);
/* As pw_person_repo_insert_row(). */
gboolean    pw_person_writer_insert       (PwPersonWriter     *writer,
                                           const PwPersonRow  *row,
                                           gint64             *id,
                                           GError            **error);
/* As pw_person_repo_enrol(), enrolled at @when (see pw_person_repo_now()). */
gboolean    pw_person_writer_enrol        (PwPersonWriter     *writer,
                                           gint64              programme_id,
                                           gint64              person_id,
                                           const char         *when,
                                           GError            **error);
/* Enrols everyone with an ID from @first_id to @last_id, in one statement. */
gboolean    pw_person_writer_enrol_range  (PwPersonWriter     *writer,
                                           gint64              programme_id,
                                           gint64              first_id,
                                           gint64              last_id,
                                           const char         *when,
                                           GError            **error);
/* PwPersonKey, in no particular order. */
GArray     *pw_person_repo_list_keys      (PwStore            *store,
                                           GError            **error);

/* A list of topics as the topics columns store it: a JSON array of
 * strings, as json-glib writes one. */
char       *pw_person_topics_to_json      (const char * const *topics);
/* Appends @text (@length bytes, or -1) as a JSON string, with its quotes. */
void        pw_person_append_json_string  (GString            *out,
                                           const char         *text,
                                           gssize              length);

G_END_DECLS
