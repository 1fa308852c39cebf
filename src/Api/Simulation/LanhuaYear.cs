using System.Diagnostics;
using Marten;
using NodaTime;
using Npgsql;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Simulation;

public sealed record LanhuaYearSummary(
    int Year,
    int Volunteers,
    int Sessions,
    int PatrolShifts,
    int PatrolPersonTimes,
    int RiverPatrols,
    int ElderVisits,
    int PlainSessions,
    long PointsCredited,
    long Events,
    TimeSpan Duration);

/// <summary>
/// A deterministic year of Lanhua's love bank (兰花社区, 2025), driven through the real handlers with a clock the
/// scenario moves day by day, over the seeded community: 6,724 of its 16,936 residents take part (39.7 %), in
/// 1,935 activity sessions (156 patrol shifts with 2,028 person-times, 52 river patrols, 1,727 other activities),
/// while the 30 elders living alone are visited every day by one of their 1+3 helpers; 187,518 points are
/// credited in all. The last activities of December take up whatever the points still lack, so the total is
/// exact however the weekly caps on elder visits fell.
/// </summary>
public sealed class LanhuaYear(IDocumentStore store, Action<Instant> setClock, ILogger logger)
{
    public const int Year = 2025;
    public const int RandomSeed = 2018_0501;
    public const int Participants = 6_724;
    public const int TotalSessions = 1_935;
    public const long TotalPoints = 187_518;
    public const int PatrolShifts = 156;
    public const int PatrolSize = 13;
    public const int RiverPatrols = 52;

    private const string Office = "scenario-office";
    private static readonly Guid Lanhua = DeterministicId.ForCommunity("lanhua");
    private static readonly Guid PatrolTeam = Guid.Parse("00000000-0000-7000-8100-000000000001");
    private static readonly Guid RiverTeam = Guid.Parse("00000000-0000-7000-8000-0000000a0001");
    private static readonly Guid[] Segments =
        [Guid.Parse("00000000-0000-7000-8000-0000000a1001"), Guid.Parse("00000000-0000-7000-8000-0000000a1002")];

    // Everything else, by kind of work: per occasion (20-40 points) and per hour (10 an hour).
    private static readonly string[] OccasionActivities =
        ["CB02", "CB03", "CB05", "CB08", "CB09", "CB10", "PV02", "PV03", "PV04", "PV05", "PV06", "PV07", "PV08", "PV09", "PV10"];
    private static readonly string[] HourActivities = ["CB06", "CB07", "CB01", "CB04"];

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
    private static readonly string[] GivenNames =
        ["建国", "秀英", "桂兰", "志强", "丽娟", "海波", "德明", "雪芳", "国平", "敏", "立新", "晓梅", "玉兰", "文华", "红梅", "永强", "春燕", "金凤", "伟", "芳", "静", "磊", "婷", "军", "娜", "洋", "艳", "勇", "杰", "慧"];

    private readonly Random _random = new(RandomSeed);
    private int _sessions;
    private int _patrolPersonTimes;
    private int _elderVisits;
    private int _plainSessions;

    public async Task<LanhuaYearSummary> Run(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var jan1 = new LocalDate(Year, 1, 1);
        At(jan1, 8, 0);

        var seeded = await SeededVolunteers(ct);
        var volunteers = seeded.Concat(await Register(Participants - seeded.Count, ct)).ToList();
        var patrollers = await GrowPatrolTeam(volunteers, ct);
        var riverGuards = await GrowRiverTeam(volunteers, ct);
        var elders = await Elders(ct);

        // Who still has to take part: everyone not already on a team or visiting an elder.
        var busy = patrollers.Concat(riverGuards).Concat(elders.SelectMany(e => e.Helpers)).ToHashSet();
        var waiting = new Queue<Guid>(volunteers.Where(v => !busy.Contains(v)).OrderBy(_ => _random.Next()));
        var plainPlan = PlanPlainSessions(waiting.Count);
        var fixUp = plainPlan.Where(p => p.Date.Month == 12 && HourActivities.Contains(p.Activity)).TakeLast(40).ToHashSet();
        var all = volunteers.ToArray();

        var day = jan1;
        var patrolIndex = 0;
        var riverIndex = 0;
        while (day.Year == Year)
        {
            await VisitElders(day, elders, ct);
            if (day.DayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Wednesday or IsoDayOfWeek.Saturday &&
                patrolIndex < PatrolShifts)
                await Patrol(day, patrolIndex++, patrollers, ct);
            if (day.DayOfWeek == IsoDayOfWeek.Sunday && riverIndex < RiverPatrols)
                await GuardRiver(day, riverIndex++, riverGuards, ct);
            foreach (var session in plainPlan.Where(p => p.Date == day && !fixUp.Contains(p)))
                await Plain(session, Participate(session, waiting, all), ct);
            day = day.PlusDays(1);
        }

        // The last December activities make the total exact.
        var remainder = TotalPoints - await CreditedPoints(ct);
        var fixUpPeople = fixUp.OrderBy(p => p.Date).Select(p => (Session: p, People: Participate(p, waiting, all))).ToList();
        var slots = fixUpPeople.Sum(p => p.People.Count);
        if (waiting.Count > 0 || remainder < slots * 10L || remainder > slots * 100L)
            throw new InvalidOperationException(
                $"The Lanhua year cannot close exactly: {remainder} points left for {slots} places, {waiting.Count} residents waiting.");
        var share = Spread(remainder, slots);
        var next = 0;
        foreach (var (session, people) in fixUpPeople)
            await Plain(session, people, ct, minutesOf: people.Select(_ => (int)share[next++] * 6).ToList());

        var summary = new LanhuaYearSummary(Year, volunteers.Count, _sessions, patrolIndex, _patrolPersonTimes, riverIndex,
            _elderVisits, _plainSessions, await CreditedPoints(ct), await EventCount(ct), watch.Elapsed);
        logger.LogInformation("Lanhua year {Year}: {Summary}", Year, summary);
        return summary;
    }

    // ---- residents and teams --------------------------------------------------------------------------------

    private async Task<List<Guid>> SeededVolunteers(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.Query<QunTuan.Projections.Volunteers.VolunteerProfile>()
                .Where(v => v.CommunityId == Lanhua).ToListAsync(ct))
            .Select(v => v.Id).Order().ToList();
    }

    private async Task<List<Guid>> Register(int count, CancellationToken ct)
    {
        var ids = new List<Guid>();
        for (var batch = 0; batch < count; batch += 500)
        {
            await using var session = Open();
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var id = DeterministicId.Create(new Guid("5c0e0000-2025-4000-8000-000000000000"), $"lanhua-{i}");
                var affiliations = new List<Affiliation>();
                if (_random.NextDouble() < 0.30) affiliations.Add(Affiliation.UnionMember);
                if (_random.NextDouble() < 0.10) affiliations.Add(Affiliation.YouthLeague);
                if (_random.NextDouble() < 0.15) affiliations.Add(Affiliation.WomensFederation);
                if (_random.NextDouble() < 0.12) affiliations.Add(Affiliation.PartyMember);
                await RegisterVolunteerHandler.Handle(new RegisterVolunteer(id, Lanhua,
                    Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)],
                    $"第{_random.Next(1, 13)}网格", affiliations, Office), session, Clock, ct);
                ids.Add(id);
            }
            await session.SaveChangesAsync(ct);
        }
        return ids;
    }

    private async Task<List<Guid>> GrowPatrolTeam(List<Guid> volunteers, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var team = (await query.LoadAsync<QunTuan.Projections.Patrols.PatrolTeamView>(PatrolTeam, ct))!;
        var members = team.Roster.Select(m => m.VolunteerId).ToList();
        foreach (var recruit in volunteers.Except(members).Take(16 - members.Count))
        {
            await using var session = Open();
            await AddPatrolTeamMemberHandler.Handle(new AddPatrolTeamMember(PatrolTeam, recruit, PatrolTeamRole.Member,
                Office), session, Clock, ct);
            await session.SaveChangesAsync(ct);
            members.Add(recruit);
        }
        return members;
    }

    private async Task<List<Guid>> GrowRiverTeam(List<Guid> volunteers, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var team = (await query.LoadAsync<QunTuan.Projections.RiverGuarding.RiverTeamView>(RiverTeam, ct))!;
        var members = team.Members.Select(m => m.VolunteerId).ToList();
        foreach (var recruit in volunteers.Skip(100).Except(members).Take(8 - members.Count))
        {
            await using var session = Open();
            await JoinRiverTeamHandler.Handle(new JoinRiverTeam(RiverTeam, recruit, Office), session, Clock, ct);
            await session.SaveChangesAsync(ct);
            members.Add(recruit);
        }
        return members;
    }

    private sealed record ElderRound(Guid ElderId, Guid[] Helpers);

    private async Task<List<ElderRound>> Elders(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.Query<ElderView>().Where(e => e.CommunityId == Lanhua).ToListAsync(ct))
            .OrderBy(e => e.Id).Select(e => new ElderRound(e.Id, e.Helpers.OrderBy(h => h.Role).Select(h => h.VolunteerId).ToArray()))
            .ToList();
    }

    // ---- the work of each day -------------------------------------------------------------------------------

    /// <summary>Every elder seen every day, by one of their three helpers in turn; no helper twice a day.</summary>
    private async Task VisitElders(LocalDate day, List<ElderRound> elders, CancellationToken ct)
    {
        At(day, 18, 0);
        var dayIndex = Period.Between(new LocalDate(Year, 1, 1), day, PeriodUnits.Days).Days;
        var usedToday = new HashSet<Guid>();
        await using var session = Open();
        for (var e = 0; e < elders.Count; e++)
        {
            var round = elders[e];
            var helper = Enumerable.Range(0, round.Helpers.Length)
                .Select(k => round.Helpers[(dayIndex + e + k) % round.Helpers.Length])
                .First(h => !usedToday.Contains(h));
            usedToday.Add(helper);
            var wellbeing = _random.NextDouble() < 0.01 ? Wellbeing.NeedsHelp : Wellbeing.Ok;
            await LogElderVisitHandler.Handle(new LogElderVisit(round.ElderId, DeterministicId.Create(round.ElderId,
                    $"{day:uuuu-MM-dd}"), helper, day, 20 + _random.Next(0, 21), null, wellbeing, Office), session, Clock, ct);
            _elderVisits++;
        }
        await session.SaveChangesAsync(ct);
    }

    private async Task Patrol(LocalDate day, int index, List<Guid> patrollers, CancellationToken ct)
    {
        var shiftId = DeterministicId.Create(PatrolTeam, $"shift-{index}");
        var start = day.At(new LocalTime(19, 0)).InZoneStrictly(ShanghaiCalendar.Zone).ToInstant();
        var hours = index % 4 == 0 ? 3 : 2;
        At(day, 8, 0);
        await Commit(s => SchedulePatrolShiftHandler.Handle(new SchedulePatrolShift(shiftId, Lanhua, PatrolTeam,
            "兰花路—兰江路沿线", start, start.Plus(Duration.FromHours(hours)), "CB01", Office), s, Clock, ct), ct);

        SetBoth(start);
        foreach (var volunteer in patrollers.OrderBy(_ => _random.Next()).Take(PatrolSize))
        {
            await Commit(s => CheckInToPatrolShiftHandler.Handle(new CheckInToPatrolShift(shiftId, volunteer, null, Office),
                s, Clock, ct), ct);
            _patrolPersonTimes++;
        }

        SetBoth(start.Plus(Duration.FromHours(hours) + Duration.FromMinutes(30)));
        await Commit(s => ClosePatrolShiftHandler.Handle(new ClosePatrolShift(shiftId, true, Office), s, Clock, ct), ct);
        _sessions++;
    }

    private async Task GuardRiver(LocalDate day, int index, List<Guid> guards, CancellationToken ct)
    {
        At(day, 17, 0);
        var minutes = 90 + 30 * (index % 3);
        var findings = index % 4 == 0
            ? new[] { new FindingReport(DeterministicId.Create(RiverTeam, $"finding-{index}"), RiverFindingKind.Litter,
                1 + _random.Next(5), RiverFindingSeverity.Low, null, null) }
            : [];
        await Commit(s => RecordRiverPatrolHandler.Handle(new RecordRiverPatrol(DeterministicId.Create(RiverTeam,
                $"patrol-{index}"), RiverTeam, Segments[index % 2], day, new LocalTime(14, 0),
            new LocalTime(14, 0).PlusMinutes(minutes), guards.OrderBy(_ => _random.Next()).Take(5 + index % 2).ToList(),
            findings, true, Office), s, Clock, ct), ct);
        _sessions++;
    }

    private sealed record PlainSession(LocalDate Date, string Activity, int Size);

    /// <summary>
    /// The other activities of the year. One session is one activity on one day, so no pair repeats: a quarter
    /// are small per-occasion activities (3 people), the rest street-wide actions paid by the hour, sized so that
    /// together they give everyone still waiting a first service.
    /// </summary>
    private static List<PlainSession> PlanPlainSessions(int waiting)
    {
        var count = TotalSessions - PatrolShifts - RiverPatrols;
        var occasional = count / 4;
        var hourly = count - occasional;
        var jan1 = new LocalDate(Year, 1, 1);
        var plan = new List<PlainSession>();
        for (var k = 0; k < occasional; k++)
            plan.Add(new PlainSession(jan1.PlusDays(k * 365 / occasional), OccasionActivities[k % OccasionActivities.Length], 3));
        var hourlyPlaces = Math.Max(hourly * 2, waiting - occasional * 3);
        for (var j = 0; j < hourly; j++)
            plan.Add(new PlainSession(jan1.PlusDays(j % 365), HourActivities[j / 365 % HourActivities.Length],
                hourlyPlaces / hourly + (j < hourlyPlaces % hourly ? 1 : 0)));
        return plan.OrderBy(p => p.Date).ThenBy(p => p.Activity).ToList();
    }

    /// <summary>Fills a session with people still waiting first, then with anyone.</summary>
    private List<Guid> Participate(PlainSession session, Queue<Guid> waiting, Guid[] everyone)
    {
        var people = new List<Guid>();
        while (people.Count < session.Size && waiting.Count > 0) people.Add(waiting.Dequeue());
        while (people.Count < session.Size)
        {
            var someone = everyone[_random.Next(everyone.Length)];
            if (!people.Contains(someone)) people.Add(someone);
        }
        return people;
    }

    private async Task Plain(PlainSession plan, List<Guid> people, CancellationToken ct, List<int>? minutesOf = null)
    {
        At(plan.Date, 20, 0);
        var hourly = HourActivities.Contains(plan.Activity);
        await using var session = Open();
        for (var i = 0; i < people.Count; i++)
        {
            int? minutes = hourly ? minutesOf?[i] ?? 60 : null;
            await ServiceRecordBook.Record(session, new SubmitServiceRecord(
                DeterministicId.Create(people[i], $"{plan.Activity}-{plan.Date:uuuu-MM-dd}"), people[i], plan.Activity,
                plan.Date, minutes, 1, null, true, Office), Clock.GetCurrentInstant(), ct);
        }
        await session.SaveChangesAsync(ct);
        _sessions++;
        _plainSessions++;
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private static long[] Spread(long total, int parts)
    {
        var each = total / parts;
        return Enumerable.Range(0, parts).Select(i => each + (i < total % parts ? 1 : 0)).ToArray();
    }

    private readonly ScenarioTime _time = new();

    private IClock Clock => _time;

    private void At(LocalDate day, int hour, int minute) =>
        SetBoth(day.At(new LocalTime(hour, minute)).InZoneStrictly(ShanghaiCalendar.Zone).ToInstant());

    private IDocumentSession Open()
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = Office;
        return session;
    }

    private async Task Commit<T>(Func<IDocumentSession, Task<T>> step, CancellationToken ct)
    {
        await using var session = Open();
        await step(session);
        await session.SaveChangesAsync(ct);
    }

    private async Task<long> CreditedPoints(CancellationToken ct) =>
        await Scalar($"""
            select coalesce(sum((data ->> 'points')::bigint), 0) from {store.Options.DatabaseSchemaName}.mt_doc_servicerecordview
            where data ->> 'status' = 'Credited' and data ->> 'serviceDate' like '{Year}-%'
            """, ct);

    private async Task<long> EventCount(CancellationToken ct) =>
        await Scalar($"select count(*) from {store.Options.DatabaseSchemaName}.mt_events", ct);

    private async Task<long> Scalar(string sql, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The scenario's own notion of now, handed to every handler it calls.</summary>
    private sealed class ScenarioTime : IClock
    {
        public Instant Now { get; set; }
        public Instant GetCurrentInstant() => Now;
    }

    private void SetBoth(Instant instant)
    {
        _time.Now = instant;
        setClock(instant);
    }
}
