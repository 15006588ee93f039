/* pw-cli.h — shared by the commands of pairwise-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-store.h"

G_BEGIN_DECLS

/* Exit codes */
#define PW_CLI_EXIT_OK      0
#define PW_CLI_EXIT_FAILED  1  /* bad input or a refused change: nothing written */
#define PW_CLI_EXIT_USAGE   2  /* the command line itself is wrong */

typedef struct
{
  const char *db_path;  /* resolved path, never NULL */
  gboolean    json;     /* --json was given anywhere on the line */
} PwCliContext;

/* A command group: argv[0] is the group's name ("programme"). */
typedef int (*PwCliCommandFunc) (PwCliContext *ctx,
                                 int           argc,
                                 char        **argv);

typedef struct
{
  const char       *name;
  const char       *alias;
  PwCliCommandFunc  func;
  const char       *summary;
} PwCliCommand;

PwStore  *pw_cli_open_store   (PwCliContext  *ctx);
void      pw_cli_print_json   (JsonNode      *node);
int       pw_cli_fail         (const char    *format,
                               ...) G_GNUC_PRINTF (1, 2);
int       pw_cli_usage_error  (const char    *format,
                               ...) G_GNUC_PRINTF (1, 2);
gboolean  pw_cli_parse_id     (const char    *text,
                               gint64        *out_id);

int       pw_cli_backup       (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_bundle       (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_people       (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_eligibility  (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_evaluation   (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_report       (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_grades       (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_match        (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_pairs        (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_programme    (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_solve        (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_workspace    (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);
int       pw_cli_schedule     (PwCliContext  *ctx,
                               int            argc,
                               char         **argv);

G_END_DECLS
