using System.Runtime.InteropServices;
using SalesOps.Bench;

const string Usage = """
    SalesOps benchmark harness. Build with: dotnet build bench/SalesOps.Bench -c Release

    Usage: dotnet bench/SalesOps.Bench/bin/Release/net10.0/SalesOps.Bench.dll <command> [options]

      generate --deals N [--accounts A] [--reps R] [--months M] [--seed S] [--anchor yyyy-MM-dd] --db PATH
          New SQLite file with the app's migrations and a company made by the app's own demo generator and seeder
          at that size (default: the demo's proportions, 300 deals per rep, 6 per account, 18 months of quotas up to
          the anchor day, default today; its users and API key 'demo-ingest-key'). Prints rows/s.

      run [--deals N] [--events 1000] [--clients 1] [--warmup-events 20] [--pause 5] [--idle 5]
          [--iterations 200] [--start-timeout 120] [--app PATH/SalesOps.Web.dll]
          Starts the app (build output of the same configuration) twice in a temp folder: cold start with a new
          database (the app seeds the demo company), idle RSS, warm start; then ingest → SignalR latency over
          --events API requests with --clients hub clients, and the home dashboard query per role.
          --deals N replaces the demo company by a generated one of N deals after the cold start.
          Writes bench/results/latest.md.

      dashboard --db PATH [--iterations 200] [--warmup 20] [--budget 60]
          Only the home dashboard query timing, against an existing database (e.g. from generate).
          Writes bench/results/dashboard-latest.md.

      pipeline [--deals 1000000] [--db PATH] [--parts queries,hub,browsers]
          [--iterations 100] [--warmup 10] [--budget 30] [--index "CREATE INDEX …; …"] [--plans]
          [--clients 1000] [--client-processes 2] [--moves 60] [--interval 1000]
          [--pages 10] [--board-moves 30] [--board-interval 1000] [--start-timeout 180] [--app PATH/SalesOps.Web.dll]
          The "Live pipeline board" measurements. queries: column totals and the board's first page, in process,
          on a generated company (reuses --db if the file exists, else generates --deals into it or a temp file),
          with query plans of every case over its goal (--plans: of all); --index runs SQL (CREATE/DROP INDEX) on a
          copy and times it again. hub: a stage move → --clients hub clients, interleaved with a bare SignalR
          broadcast to as many clients. browsers: a stage move → --pages open boards in headless Chromium, on the
          demo company. Writes bench/results/pipeline-latest.md.

      commission [--reps 1000] [--deals-per-rep 40] [--iterations 10] [--seed 1]
          The commission engine in memory: a statement per rep for a quarter, "pays if won now" for one open deal
          per rep, and the fair leaderboard; goal ≤ 2 s for 1,000 reps. Writes bench/results/commission-latest.md.

      leaderboard [--deals 1000000] [--reps 1000] [--db PATH] [--parts queries,browsers] [--iterations 100] [--warmup 10]
          [--budget 60] [--pages 10] [--board-moves 30] [--board-interval 1000] [--start-timeout 180] [--app PATH]
          The incentive leaderboard. queries: this quarter's board by won revenue, attainment and fair attainment,
          in process, alternating with the raw SQL it rests on (ratio reported); browsers: a deal won or reopened →
          --pages open leaderboards in headless Chromium. Writes bench/results/leaderboard-latest.md.

      balance [--accounts 100000] [--territories 50] [--budget 500] [--runs 3] [--seed 1]
          The territory balancer on a generated book of business, with no budget and with --budget moves: time,
          imbalance against the lower bound. Writes bench/results/balance-latest.md.

      territories [--accounts 100000] [--deals 6×accounts] [--db PATH] [--parts figures,render,browsers]
          [--iterations 100] [--warmup 10] [--budget 30] [--render-iterations 50]
          [--boards 5] [--maps 5] [--moves 30] [--interval 1000] [--start-timeout 180] [--app PATH/SalesOps.Web.dll]
          The territory board and map. figures: balance figures, first board load and map data in process on a
          generated company (reuses --db if the file exists), with query plans of every case over its goal. render:
          GET /territories and /territories/map signed in as VP, manager and rep on the demo company (server-side
          first render). browsers: an account moved with "Move to…" → --boards boards and --maps maps in headless
          Chromium. Writes bench/results/territories-latest.md.
      screens [--pages 200] [--per-context 10] [--parallel 8] [--compare 50] [--wins 20] [--win-interval 2000]
          [--hold 1200] [--soak-minutes 0] [--start-timeout 180] [--app PATH/SalesOps.Web.dll]
          Wall screens on the demo company: --pages /display/{token} pages in headless Chromium; app memory per
          display circuit after a forced GC against --compare signed-in home pages; a won deal → celebration on every
          page (p99 ≤ 500 ms); a soak with a stage move every second (RSS slope); SIGKILL and restart → every page
          live again (≤ 30 s). Writes bench/results/screens-latest.md.
      data [--deals 1000000] [--db PATH] [--parts import,insights] [--iterations 20] [--warmup 3] [--budget 60]
          import: the company (--db if it exists, else --deals generated) written as the four-file CRM export and
          imported into a new database through the app's ImportService (deal rows/s, RSS during the import), then as
          many deal rows through the raw bulk insert. insights: what /insights reads and the forecast, for a VP.
          Writes bench/results/data-latest.md.

      hub-listen --url URL --key KEY --clients N [--batch 50]
          Internal: the hub clients of `pipeline` run in such child processes.
    """;

using var cancel = new CancellationTokenSource();
// Ctrl+C or a SIGTERM cancels the command, which then stops the app it started and deletes its temp folder.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    var arguments = Arguments.Parse(args);
    if (arguments.Flag("help") || arguments.Command is "" or "help")
    {
        Console.WriteLine(Usage);
        return arguments.Command is "" && args.Length == 0 ? 2 : 0;
    }

    return arguments.Command switch
    {
        "generate" => await GenerateCommand.RunAsync(arguments, cancel.Token),
        "run" => await RunCommand.RunAsync(arguments, cancel.Token),
        "dashboard" => await DashboardCommand.RunAsync(arguments, cancel.Token),
        "pipeline" => await PipelineCommand.RunAsync(arguments, cancel.Token),
        "commission" => await CommissionCommand.RunAsync(arguments, cancel.Token),
        "balance" => await BalanceCommand.RunAsync(arguments, cancel.Token),
        "leaderboard" => await LeaderboardCommand.RunAsync(arguments, cancel.Token),
        "territories" => await TerritoryCommand.RunAsync(arguments, cancel.Token),
        "screens" => await ScreensCommand.RunAsync(arguments, cancel.Token),
        "data" => await DataCommand.RunAsync(arguments, cancel.Token),
        HubListenCommand.Name => await HubListenCommand.RunAsync(arguments, cancel.Token),
        _ => throw new UsageException($"Unknown command '{arguments.Command}'."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"Failed: {ex}");
    return 1;
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}
