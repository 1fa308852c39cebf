using NodaTime;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Shared;
using static QunTuan.Ledger.Tests.RiverGuarding.River;

namespace QunTuan.Ledger.Tests.RiverGuarding;

public sealed class when_recording_a_river_patrol
{
    [Fact]
    public void every_participant_is_credited_for_the_whole_patrol()
    {
        var finding = Litter(5, "IMG_0001.jpg", "  桥下塑料袋 ");

        var decision = Decide(Patrol(findings: finding));

        var recorded = decision.Recorded;
        recorded.PatrolId.ShouldBe(PatrolId);
        recorded.TeamId.ShouldBe(TeamId);
        recorded.CommunityId.ShouldBe(Build.Lanhua);
        recorded.SegmentId.ShouldBe(Lanjiang);
        recorded.ServiceDate.ShouldBe(Yesterday);
        recorded.DurationMinutes.ShouldBe(150);
        recorded.MinimumMinutes.ShouldBe(60);
        recorded.CreditNow.ShouldBeTrue();
        recorded.RecordedAt.ShouldBe(Build.Now);
        recorded.RecordedBy.ShouldBe("organizer-chen");
        recorded.Participants.ShouldBe(Members[..3].Select(v =>
            new PatrolParticipant(v, RecordRiverPatrolDecider.RecordIdFor(PatrolId, v), null)));
        recorded.FindingIds.ShouldBe([finding.FindingId]);
        decision.Credits.ShouldBe(Members[..3].Select(v =>
            new PatrolCredit(v, RecordRiverPatrolDecider.RecordIdFor(PatrolId, v), 150)));
        decision.Findings.ShouldHaveSingleItem().ShouldBe(new RiverFindingReported(finding.FindingId, TeamId,
            Build.Lanhua, Lanjiang, PatrolId, RiverFindingKind.Litter, 5, RiverFindingSeverity.Low, "IMG_0001.jpg",
            "桥下塑料袋", Yesterday, Build.Now, "organizer-chen"));
    }

    [Fact]
    public void credits_come_in_ascending_volunteer_order_whatever_the_request_order()
    {
        var decision = Decide(Patrol([Members[3], Members[0], Members[2]]));

        decision.Credits.Select(c => c.VolunteerId).ShouldBe([Members[0], Members[2], Members[3]]);
        decision.Recorded.Participants.Select(p => p.VolunteerId).ShouldBe([Members[3], Members[0], Members[2]]);
    }

    [Fact]
    public void a_patrol_below_the_minimum_is_recorded_but_credits_nobody_and_says_why()
    {
        var decision = Decide(Patrol(end: new LocalTime(9, 59)));

        decision.Recorded.DurationMinutes.ShouldBe(59);
        decision.Credits.ShouldBeEmpty();
        decision.Recorded.Participants.ShouldAllBe(p => p.RecordId == null && p.NotRecordedReason == "duration_below_minimum");
    }

    [Fact]
    public void a_patrol_of_exactly_the_minimum_qualifies()
    {
        Decide(Patrol(end: new LocalTime(10, 0))).Credits.Count.ShouldBe(3);
    }

    [Fact]
    public void record_ids_are_stable_per_patrol_and_volunteer()
    {
        var id = RecordRiverPatrolDecider.RecordIdFor(PatrolId, Members[0]);

        RecordRiverPatrolDecider.RecordIdFor(PatrolId, Members[0]).ShouldBe(id);
        RecordRiverPatrolDecider.RecordIdFor(PatrolId, Members[1]).ShouldNotBe(id);
        RecordRiverPatrolDecider.RecordIdFor(Other, Members[0]).ShouldNotBe(id);
    }

    [Fact]
    public void a_participant_who_is_not_a_member_is_refused()
    {
        var violation = Refused(() => Decide(Patrol([Members[0], Volunteer(5)])));

        violation.Code.ShouldBe("participant_not_member");
        violation.Field.ShouldBe("participants[1]");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void a_patrol_needs_a_participant_listed_once()
    {
        Refused(() => Decide(Patrol([]))).Code.ShouldBe("participants_required");
        var twice = Refused(() => Decide(Patrol([Members[0], Members[1], Members[0]])));
        twice.Code.ShouldBe("duplicate_participant");
        twice.Field.ShouldBe("participants[2]");
    }

    [Theory]
    [InlineData(11, 30, 9, 0)]
    [InlineData(9, 0, 9, 0)]
    public void the_end_must_come_after_the_start(int startHour, int startMinute, int endHour, int endMinute)
    {
        var violation = Refused(() => Decide(Patrol(start: new LocalTime(startHour, startMinute),
            end: new LocalTime(endHour, endMinute))));

        violation.Code.ShouldBe("patrol_end_not_after_start");
        violation.Field.ShouldBe("end");
    }

    [Fact]
    public void a_patrol_of_today_can_be_recorded_once_it_is_over()
    {
        var today = Build.Date(2026, 7, 6); // Build.Now is 10:00 in Zhejiang

        Decide(Patrol(date: today, start: new LocalTime(8, 0), end: new LocalTime(10, 0))).Credits.Count.ShouldBe(3);
        var violation = Refused(() => Decide(Patrol(date: today, start: new LocalTime(9, 0), end: new LocalTime(10, 1))));
        violation.Code.ShouldBe("patrol_not_over");
        violation.Field.ShouldBe("end");
    }

    [Theory]
    [InlineData(2026, 7, 7, "service_date_in_future")]
    [InlineData(2025, 7, 4, "service_date_too_old")]
    public void the_service_date_is_bounded(int year, int month, int day, string code)
    {
        var violation = Refused(() => Decide(Patrol(date: new LocalDate(year, month, day))));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("serviceDate");
    }

    [Fact]
    public void a_date_before_any_cb04_rule_is_refused()
    {
        var lateRule = Build.ActivityWith("CB04", (Build.Date(2026, 7, 6), Build.TenAnHour)); // from today on

        var violation = Refused(() => Decide(Patrol(), activity: lateRule));

        violation.Code.ShouldBe("no_rule_in_force");
        violation.Field.ShouldBe("serviceDate");
    }

    [Fact]
    public void the_segment_must_be_one_the_team_guards()
    {
        var violation = Refused(() => Decide(Patrol(segmentId: Other)));

        violation.Code.ShouldBe("segment_not_in_team");
        violation.Field.ShouldBe("segmentId");
    }

    [Fact]
    public void a_patrol_id_is_used_once()
    {
        var violation = Refused(() => Decide(Patrol(), patrolExists: true));

        violation.Code.ShouldBe("river_patrol_exists");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void a_finding_counts_one_to_999(int count)
    {
        var violation = Refused(() => Decide(Patrol(findings: Litter(count))));

        violation.Code.ShouldBe("finding_count_out_of_range");
        violation.Field.ShouldBe("findings[0].count");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void the_count_bounds_are_inclusive(int count)
    {
        Decide(Patrol(findings: Litter(count))).Findings.ShouldHaveSingleItem().Count.ShouldBe(count);
    }

    [Theory]
    [InlineData("https://img.example.com/a.jpg", "invalid_photo_ref")]
    [InlineData("photos/2026/a.jpg", "invalid_photo_ref")]
    [InlineData("a b.jpg", "invalid_photo_ref")]
    [InlineData(".hidden", "invalid_photo_ref")]
    [InlineData("照片1", "invalid_photo_ref")]
    [InlineData("13812345678", "personal_data_not_allowed")]
    [InlineData("330781199001011234", "personal_data_not_allowed")]
    public void a_photo_reference_is_a_short_opaque_key(string photoRef, string code)
    {
        var violation = Refused(() => Decide(Patrol(findings: [Litter(), Litter(photoRef: photoRef)])));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("findings[1].photoRef");
    }

    [Fact]
    public void a_photo_reference_of_64_characters_is_kept_and_65_is_too_long()
    {
        var longest = "IMG_" + new string('7', 60);
        Decide(Patrol(findings: Litter(photoRef: longest))).Findings[0].PhotoRef.ShouldBe(longest);
        Refused(() => Decide(Patrol(findings: Litter(photoRef: longest + "8")))).Code.ShouldBe("invalid_photo_ref");
    }

    [Fact]
    public void a_blank_photo_reference_or_note_is_left_out()
    {
        var finding = Decide(Patrol(findings: Litter(photoRef: "  ", note: " "))).Findings[0];

        finding.PhotoRef.ShouldBeNull();
        finding.Note.ShouldBeNull();
    }

    [Fact]
    public void a_finding_note_may_not_hold_personal_data()
    {
        var violation = Refused(() => Decide(Patrol(findings: Litter(note: "举报人电话 139 1234 5678"))));

        violation.Code.ShouldBe("personal_data_not_allowed");
        violation.Field.ShouldBe("findings[0].note");
    }

    [Fact]
    public void finding_ids_are_new_and_listed_once()
    {
        var id = Guid.NewGuid();

        var exists = Refused(() => Decide(Patrol(findings: Litter(id: id)), existingFindings: new HashSet<Guid> { id }));
        exists.Code.ShouldBe("river_finding_exists");
        exists.Kind.ShouldBe(ViolationKind.Conflict);
        var twice = Refused(() => Decide(Patrol(findings: [Litter(id: id), Litter(id: id)])));
        twice.Code.ShouldBe("duplicate_finding");
        twice.Field.ShouldBe("findings[1].findingId");
    }

    [Fact]
    public void at_most_fifty_findings_are_reported_at_once()
    {
        Decide(Patrol(findings: [.. Enumerable.Range(0, 50).Select(_ => Litter())])).Findings.Count.ShouldBe(50);
        Refused(() => Decide(Patrol(findings: [.. Enumerable.Range(0, 51).Select(_ => Litter())])))
            .Code.ShouldBe("too_many_findings");
    }
}
