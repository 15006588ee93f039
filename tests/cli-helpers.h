/* cli-helpers.h — running pairwise-cli from tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;  /* a private temporary folder, removed afterwards */
  char *db;   /* the database the CLI is pointed at */
} CliFixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

void        cli_fixture_setup    (CliFixture    *f,
                                  gconstpointer  data);
void        cli_fixture_teardown (CliFixture    *f,
                                  gconstpointer  data);
void        cli_result_clear     (CliResult     *r);
/* Runs $PAIRWISE_CLI --db f->db ARGS… (NULL-terminated) in f->dir, so
 * that a relative path names a file there. */
void        cli_run              (CliFixture    *f,
                                  CliResult     *r,
                                  const char    *first,
                                  ...) G_GNUC_NULL_TERMINATED;
gboolean    cli_exited_with      (CliResult     *r,
                                  int            code);
JsonObject *cli_parse_object     (const char    *text,
                                  JsonNode     **keep);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

G_END_DECLS
