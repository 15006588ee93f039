// solver_lemon.cc — the LEMON anchor of tests/bench/run-solver
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   g++ -O2 -o solver_lemon solver_lemon.cc -llemon
//   solver_lemon MATRIX.csv CAPS.csv [REPEAT]
//
// The same instance as bench-solver, as a min-cost flow solved by LEMON's
// NetworkSimplex: every mentee supplies one unit, the sink takes them all;
// mentee → mentor arcs (capacity 1, cost −(score + M)) for allowed pairs,
// mentor → sink arcs (capacity = the mentor's), and a mentee → sink bypass
// of cost 0 for leaving the mentee unmatched. M is the coverage offset of
// src/core/pw-solver.c, so the optimum is pairwise's coverage optimum.
// Prints "total=T matched=K ms=X": the best of REPEAT runs of
// NetworkSimplex::run() alone (reading and building the graph not timed).

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

using namespace lemon;

static const int FORBIDDEN = INT_MIN;

static bool
read_matrix (const char *path, std::vector<int> &cells, int &n, int &m)
{
  std::ifstream in (path);
  std::string line;

  n = 0;
  m = -1;
  while (std::getline (in, line))
    {
      if (!line.empty () && line.back () == '\r')
        line.pop_back ();
      if (line.empty ())
        continue;
      int count = 0;
      const char *p = line.c_str ();
      for (;;)
        {
          const char *end = strchr (p, ',');
          if (end == nullptr)
            end = p + strlen (p);
          cells.push_back (end == p ? FORBIDDEN : (int) strtol (p, nullptr, 10));
          count++;
          if (*end == '\0')
            break;
          p = end + 1;
        }
      if (m < 0)
        m = count;
      else if (count != m)
        return false;
      n++;
    }
  return m > 0;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: solver_lemon MATRIX.csv CAPS.csv [REPEAT]\n");
      return 2;
    }

  std::vector<int> cells;
  int n, m;
  if (!read_matrix (argv[1], cells, n, m))
    {
      fprintf (stderr, "%s: not a rectangular matrix\n", argv[1]);
      return 1;
    }

  std::vector<long long> caps;
  {
    std::ifstream in (argv[2]);
    std::string text ((std::istreambuf_iterator<char> (in)), std::istreambuf_iterator<char> ());
    std::replace (text.begin (), text.end (), ',', '\n');
    std::istringstream items (text);
    long long c;
    while (items >> c)
      caps.push_back (c);
  }
  if ((int) caps.size () != m)
    {
      fprintf (stderr, "%s: %zu capacities for %d mentors\n", argv[2], caps.size (), m);
      return 1;
    }
  int repeat = argc > 3 ? std::max (1, atoi (argv[3])) : 1;

  long long e_min = LLONG_MAX, e_max = LLONG_MIN, room = 0;
  for (int j = 0; j < m; j++)
    room += std::min<long long> (caps[j], n);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++)
      {
        int s = cells[(size_t) i * m + j];
        if (s == FORBIDDEN || caps[j] == 0)
          continue;
        e_min = std::min<long long> (e_min, s);
        e_max = std::max<long long> (e_max, s);
      }
  long long k = std::min<long long> (n, room);
  long long offset = k * (e_max - e_min) + std::max (0LL, -e_min) + 1;

  SmartDigraph g;
  std::vector<SmartDigraph::Node> mentee (n), mentor (m);
  SmartDigraph::Node sink = g.addNode ();
  for (int i = 0; i < n; i++)
    mentee[i] = g.addNode ();
  for (int j = 0; j < m; j++)
    mentor[j] = g.addNode ();

  size_t n_arcs = 0;
  for (size_t c = 0; c < cells.size (); c++)
    n_arcs += cells[c] != FORBIDDEN;
  g.reserveArc (n_arcs + n + m);

  std::vector<int> pair_score;      // per mentee → mentor arc, by arc id
  std::vector<int> pair_mentee;
  pair_score.reserve (n_arcs);
  pair_mentee.reserve (n_arcs);

  SmartDigraph::ArcMap<long long> cost (g), upper (g);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++)
      {
        int s = cells[(size_t) i * m + j];
        if (s == FORBIDDEN || caps[j] == 0)
          continue;
        SmartDigraph::Arc a = g.addArc (mentee[i], mentor[j]);
        cost[a] = -(s + offset);
        upper[a] = 1;
        pair_score.push_back (s);
        pair_mentee.push_back (i);
      }
  size_t first_other = pair_score.size ();
  std::vector<int> ().swap (cells);  // the graph holds it all now

  for (int j = 0; j < m; j++)
    {
      SmartDigraph::Arc a = g.addArc (mentor[j], sink);
      cost[a] = 0;
      upper[a] = caps[j];
    }
  for (int i = 0; i < n; i++)
    {
      SmartDigraph::Arc a = g.addArc (mentee[i], sink);
      cost[a] = 0;
      upper[a] = 1;
    }

  SmartDigraph::NodeMap<long long> supply (g, 0);
  for (int i = 0; i < n; i++)
    supply[mentee[i]] = 1;
  supply[sink] = -n;

  double best = 1e300;
  long long total = 0, matched = 0;
  for (int r = 0; r < repeat; r++)
    {
      NetworkSimplex<SmartDigraph, long long, long long> ns (g);
      ns.upperMap (upper).costMap (cost).supplyMap (supply);
      auto started = std::chrono::steady_clock::now ();
      auto status = ns.run ();
      double ms = std::chrono::duration<double, std::milli> (std::chrono::steady_clock::now () - started).count ();
      if (status != NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL)
        {
          fprintf (stderr, "NetworkSimplex did not find an optimum\n");
          return 1;
        }
      best = std::min (best, ms);
      total = matched = 0;
      for (size_t a = 0; a < first_other; a++)
        if (ns.flow (g.arcFromId ((int) a)) > 0)
          {
            total += pair_score[a];
            matched++;
          }
    }

  printf ("total=%lld matched=%lld ms=%.3f\n", total, matched, best);
  return 0;
}
