#!/usr/bin/env python3
"""Makes a benchmark archive for `debrief site`, `lessons` and `actions`: N debriefs that read like real ones.

    python3 scripts/gen_site_archive.py FOLDER --count N [--seed S] [--force]

writes FOLDER/debrief.yml and FOLDER/debriefs/YYYY-MM-DD-SLUG-N.yml, one record of 3 to 6 KB each
(3,100 to 5,950 bytes), every one valid for the strict loader:

- the three built-in formats (about 76% client-recovery, 12% incident, 12% sprint);
- the locales en (about half), vi, ar, fi, hu and mn, each written from its own phrase bank: facts, emotions,
  mistakes with counterfactuals, positives, what could have been done differently, timelines, remedies (one
  chosen in most), actions with owners from the team, due dates around the record's date (some overdue on
  2026-11-23, some done), and lessons drawn from 30 rules per language written 3 or 4 ways, so that
  `debrief lessons` finds recurring groups;
- Markdown in some texts (emphasis, code, links, a list) and characters that HTML and JavaScript must escape
  (< > & and quotes), never raw HTML;
- tags from a small vocabulary per language, some items internal (internal: true or #internal in the text),
  about 70% of the records final;
- team members' names only in internal items, except in about 2% of the records (all final), where a mistake
  names a team member on purpose: a client portal leaves those out and reports them.

Dates run from 2023-01-01 to 2026-11-20. The same arguments give byte-identical files: every record draws from
its own random.Random seeded with (seed, number), and nothing depends on the clock or on hash order.
Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
import time
import unicodedata

REF_DAY = datetime.date(2026, 11, 23)     # "today" for the overdue/done mix
FIRST_DAY = datetime.date(2023, 1, 1)
LAST_DAY = datetime.date(2026, 11, 20)
MIN_BYTES, MAX_BYTES = 3100, 5950         # inside both 3-6 kB and 3-6 KiB
LEAK_SHARE = 0.02                         # records that name a team member on purpose (all final)
FINAL_SHARE = 0.70

LANG_WEIGHTS = [("en", 50), ("vi", 12), ("ar", 10), ("fi", 10), ("hu", 9), ("mn", 9)]
FORMAT_WEIGHTS = [("client-recovery", 76), ("incident", 12), ("sprint", 12)]

AGENCY = "Northwind Studio"
ARCHIVE_CONFIG = """\
# A benchmark archive written by scripts/gen_site_archive.py --count {count} --seed {seed}.
archive: 1
debriefs: debriefs
default-format: client-recovery
locale: en
# Items tagged like this stay with the team, as internal: true does.
internal-tags: [staffing]
agency: {agency}
signature: The {agency} team
client-intro: What happened, how each side saw it, what each of us got wrong, and what changes from now on.
paper: a4
"""

# Clients: about 40 names in several scripts, with the language they mostly work in.
CLIENTS = [
    ("Big Bank", "en"), ("Harbour Insurance", "en"), ("Greenfield Foods", "en"), ("Atlas Logistics", "en"),
    ("Bright Dental Clinics", "en"), ("Riverside Museum", "en"), ("Copperline Telecom", "en"),
    ("Oakridge University", "en"), ("Blue Summit Hotels", "en"), ("Pioneer Energy", "en"), ("Meadow & Co", "en"),
    ("Quayside Properties", "en"), ("Sakura Design K.K.", "en"), ("Søndergaard A/S", "en"), ("Café Olé", "en"),
    ("Tập đoàn Hải Đăng", "vi"), ("Công ty Cổ phần Sông Xanh", "vi"), ("Ngân hàng Phương Đông", "vi"),
    ("Cà phê Đất Việt", "vi"), ("Du lịch Biển Ngọc", "vi"),
    ("شركة الواحة للتأمين", "ar"), ("مجموعة النخيل", "ar"), ("بنك الشروق", "ar"), ("مستشفى الأمل", "ar"),
    ("دار الفجر للنشر", "ar"),
    ("Pohjolan Energia Oy", "fi"), ("Kuopion kaupunki", "fi"), ("Saaristo Hotellit", "fi"), ("Lakeus Vakuutus", "fi"),
    ("Revontuli Media", "fi"),
    ("Duna Bank Zrt.", "hu"), ("Balaton Hotels Kft.", "hu"), ("Tisza Élelmiszer", "hu"), ("Mátra Energia", "hu"),
    ("Pannon Biztosító", "hu"), ("Ötletgyár", "hu"),
    ("Хаан Трейд ХХК", "mn"), ("Говийн Алт", "mn"), ("Улаанбаатар Медиа", "mn"), ("Тэнгэр Даатгал", "mn"),
    ("Номин Логистик", "mn"),
]

CODE_FILES = ["deck_v3_final.pptx", "brief-2.pdf", "report.indd", "config.yml", "release-{n2}.zip", "styles.css",
              "export_{n2}.csv", "a < b", "x && y", "R&D/plan.docx"]

# Sections of each format: (id, kind, asked per side).
FORMATS = {
    "client-recovery": [
        ("dialogue", "narrative", False), ("summary", "narrative", False), ("timeline", "timeline", False),
        ("facts", "facts", True), ("emotions", "emotions", True), ("mistakes", "mistakes", True),
        ("positives", "positives", False), ("differently", "differently", True), ("lessons", "lessons", False),
        ("remedies", "remedies", False), ("actions", "actions", False), ("outcome", "narrative", False),
    ],
    "incident": [
        ("summary", "narrative", False), ("impact", "narrative", False), ("timeline", "timeline", False),
        ("contributing-factors", "list", False), ("detection", "narrative", False),
        ("resolution", "narrative", False), ("went-well", "positives", False), ("went-wrong", "list", False),
        ("lucky", "list", False), ("lessons", "lessons", False), ("actions", "actions", False),
    ],
    "sprint": [
        ("summary", "narrative", False), ("went-well", "positives", False), ("went-badly", "list", False),
        ("lessons", "lessons", False), ("actions", "actions", False),
    ],
}

# Per format and list section: the banks it draws from (per side: (ours, theirs)), how many items it starts
# with, its weight when the record grows, and its most items.
SECTION_PLAN = {
    "client-recovery": {
        "timeline": (("timeline",), 3, 1.0, 9),
        "facts": ((("facts_us", "lists"), ("facts_client",)), 2, 3.0, 12),
        "emotions": ((("emotions_us",), ("emotions_client",)), 2, 1.5, 8),
        "mistakes": ((("mistakes_us",), ("mistakes_client",)), 2, 2.0, 10),
        "positives": (("positives",), 1, 1.0, 6),
        "differently": ((("differently_us",), ("differently_client",)), 2, 1.5, 8),
        "lessons": (("lessons",), 2, 1.2, 7),
        "remedies": (("remedies",), 2, 0.4, 4),
        "actions": (("actions",), 2, 1.0, 7),
    },
    "incident": {
        "timeline": (("inc_timeline",), 3, 1.5, 7),
        "contributing-factors": (("inc_factors",), 2, 2.0, 7),
        "went-well": (("inc_well",), 1, 1.0, 6),
        "went-wrong": (("inc_wrong", "lists"), 1, 1.5, 7),
        "lucky": (("inc_lucky",), 1, 0.7, 4),
        "lessons": (("lessons",), 2, 1.2, 7),
        "actions": (("inc_actions", "actions"), 2, 1.5, 8),
    },
    "sprint": {
        "went-well": (("sp_well", "positives"), 2, 2.0, 12),
        "went-badly": (("sp_badly", "mistakes_us", "lists"), 2, 2.0, 12),
        "lessons": (("lessons",), 2, 1.5, 8),
        "actions": (("sp_actions", "actions"), 2, 1.5, 10),
    },
}
# Where a note for the team only goes, and where a mistake that names a team member goes.
NOTE_SECTION = {"client-recovery": ("facts", "mistakes"), "incident": ("went-wrong", "went-wrong"),
                "sprint": ("went-badly", "went-badly")}
LESSON_KINDS = {"client-recovery": "CS", "incident": "IS", "sprint": "SC"}

# ---------------------------------------------------------------------------------------------------------------
# Phrase banks. One entry a line. "A || B": a mistake and its counterfactual. Lessons: "KIND tag,tag :: one way |
# another way | a third way" (KIND: C client work, I incidents, S sprints). Actions: "tag :: text" or text.
# Team and client people: "full name | how the team calls them" / "name | role". "\n" in a line is a line break.
# Slots: {n1} 3-9, {n2} 12-59, {pct} 10-40, {h} a time in the morning, {hn} in the night, {day} a weekday in the form the language's lines use,
# {name} a team member (internal and leak lines only).
# ---------------------------------------------------------------------------------------------------------------
RAW = {}

RAW["en"] = dict(
    days="Monday\nTuesday\nWednesday\nThursday\nFriday",
    our_side="**Our side:**",
    client_side="**The client's side:**",
    see_link="See the [notes]({url}).",
    title="{d} for {client}",
    sprint_title="Sprint {n} retrospective",
    team="""
        Anna Berg | Anna
        Oliver Hartley | Oliver
        Priya Raman | Priya
        Daniel Okoro | Daniel
        Sophie Lindqvist | Sophie
        Marcus Webb | Marcus
        Chloe Dunmore | Chloe
        Ethan Caldwell | Ethan
        Nadia Petrova | Nadia
        Lucas Fernsby | Lucas
        Isla McKenna | Isla
        Tobias Quill | Tobias
        Harriet Osei | Harriet
        Felix Brandt | Felix
    """,
    client_people="""
        Marketing director
        Event coordinator
        Head of IT
        Grace Holloway | head of communications
        Raymond Ellis | project sponsor
        Margaret Lowe | brand manager
        Samuel Pryce | finance director
        Olivia Grant | product owner
    """,
    roles="account lead\ndesigner\nproject manager\ndeveloper\ncopywriter\nart director\nstrategist",
    deliverables="""
        Conference deck
        Annual report
        Website relaunch
        Product launch video
        Brand refresh
        Trade fair stand
        Investor presentation
        Newsletter redesign
        Mobile app update
        Recruitment campaign
        Customer magazine
        Intranet migration
    """,
    incident_titles="""
        Payment page outage
        Online shop down after a migration
        Newsletter sent twice
        Search returned no results
        Booking form lost requests
        Expired certificate on the client portal
    """,
    ops_project="Hosting and maintenance {year}",
    dev_project="App development {year}",
    tags="brief\ndeadline\nclient-comms\nagreements\nmaterials\nfeedback\nscope\nquality\nbudget\nhandover\ntesting",
    internal_tag="staffing",
    facts_us="""
        We took most of {day} afternoon to decide whether to accept the job.
        Scope, deadlines and the number of deliverables were agreed by phone and never confirmed in writing.
        The fixed version was sent at {h}, {n2} minutes before the deadline.
        Only one designer was free that week.
        We started the work {n1} days later than planned.
        Our first draft had {n2} pages; the brief asked for twelve.
        The budget line read "< {n2} 000 EUR" & nobody asked where the number came from.
        We sent {n2} e-mails during the project and made two phone calls.
        The final files were uploaded to the wrong folder (`/shared/old`).
        We reused last year's template without checking the figures.
        The translation was done by a freelancer we had not worked with before.
        Testing on phones was skipped to save a day.
        The estimate assumed two rounds of comments; there were {n1}.
        The project manager was on leave during the week of the launch.
    """,
    facts_client="""
        The materials were promised for {day} and arrived {n1} days later.
        The comments on the draft came at {h} on the day of the event.
        The version shown to the board still had last year's figures on two charts.
        The client's legal team asked for changes after the sign-off.
        Three people on the client's side gave comments that contradicted each other.
        The brief changed twice after the kick-off meeting.
        The client's speaker had no time to rehearse with the new slides.
        The launch date was moved forward by {n1} days.
        Access to the client's content system came in the second week.
        The approved budget was {pct}% lower than the first quote.
        The brief said "no more than 10 slides" -> the final deck had {n2}.
    """,
    lists="""
        Two things were missing when we started:\\n- the logo files\\n- the final figures
        The comments asked for:\\n- a new colour for the charts\\n- shorter titles\\n- a different cover photo
        What the launch needed and did not have:\\n- a tested payment flow\\n- the legal texts
    """,
    emotions_us="""
        We were nervous from {day} on, waiting for materials that did not come.
        Our first reaction to the feedback was disappointment.
        The team felt that nothing good came of a week of night work.
        We were embarrassed to see our name on slides with errors.
        We felt we had been set up to fail, and said so only to each other.
        We were relieved when the client agreed to meet us.
        There was *frustration* inside the team that the job was accepted at all.
        We were proud of the design, and hurt that nobody mentioned it.
    """,
    emotions_client="""
        The client was *furious* that the corrected version came too late to be used.
        The client felt let down by an agency it had trusted.
        The client's team was embarrassed in front of their own partners.
        The marketing director felt that nobody on our side was listening.
        The client was worried that the launch would be postponed again.
        The client was tired of chasing us for updates.
        The client felt that "urgent" meant something different to us.
        The board was disappointed, and the project sponsor took the blame internally.
    """,
    mistakes_us="""
        We hesitated too long before accepting an urgent job. || Had we decided within the hour, the client would have had half a day more to gather the materials.
        We did not confirm the agreements in writing. || A written confirmation would have made the deadline for the materials binding, and visible to both sides.
        We did not say what a late delivery of the materials would cost. || The client could have cut the scope or sent a partial set on time.
        We wrote instead of talking; for {n1} days we sent messages but never called. || A call would have brought the delay into the open days earlier.
        We accepted a deadline we knew was unrealistic. || Saying no to the date would have led to a smaller scope that we could deliver well.
        We skipped the internal review to save time. || A second pair of eyes would have caught the wrong figures before the client did.
        We did not test the pages on phones. || The broken menu would have been found before launch, not by the client's customers.
        We let the scope grow without changing the estimate. || A change request would have made the extra work and its cost visible.
        We sent the draft without a summary of what had changed. || The client would have reviewed the right pages first.
        We assumed the client's IT team would handle the DNS change. || Asking on day one would have put the switch on someone's list.
        We treated "ASAP" as "by Friday" & never asked what it meant. || One question would have shown that the client needed it two days earlier.
        We did not ask who had the final say on the client's side. || We would have collected one set of comments instead of three.
    """,
    mistakes_client="""
        We came to the agency only {n1} days before the event. || With two weeks' notice there would have been room for a draft, comments and a fix.
        We promised the materials for {day} and sent them later. || The agency would have had three days instead of one.
        We sent our comments on the morning of the deadline. || Comments a day earlier would have left time to fix the draft.
        We changed the brief after the kick-off without saying what it would cost in time. || The plan could have been reset on the same day.
        We let three people comment without agreeing among ourselves first. || The agency would have received one clear set of changes.
        We did not tell the agency that the launch date had moved. || The work could have been planned around the new date.
        We gave access to our systems only in the second week. || Development could have started on time.
        We approved the draft without reading the figures. || The errors would have been found before the board meeting.
    """,
    positives="""
        We took the job and delivered something the client used.
        Both sides showed a real willingness to help.
        We kept to a very tight schedule and reworked {n2} slides in less than a day.
        Both sides came to the debrief ready to change how they work.
        The design itself was praised by the client's partners.
        The client's coordinator answered questions late in the evening.
        Nobody on either side gave up, even at {hn} in the morning.
        The new `checklist.md` we drafted during the project is already in use.
        The client said they would "rather fix this together than start again".
        The copywriting was delivered a day early.
    """,
    differently_us="""
        We could have replied to [the brief](https://example.com/brief) the same afternoon with the scope, deadlines and format, and asked the client to confirm.
        We could have stated which materials we needed by when.
        We could have said up front that the result depends on both sides.
        We could have called instead of waiting for messages.
        We could have turned down the deadline and proposed a smaller scope.
        We could have planned a review day before every delivery.
        We could have shown a rough draft on day two instead of a finished one on day five.
        We could have named one contact person on our side for the whole project.
    """,
    differently_client="""
        We could have come to the agency earlier, when the event was first planned.
        We could have sent the materials on time, or warned that they would be late.
        We could have sent our comments a day earlier.
        We could have agreed our comments internally before sending them.
        We could have told the agency as soon as the date moved.
        We could have named one person with the final say.
    """,
    remedies="""
        Rework the three weakest pages for free before the next event.
        A {pct}% discount on the next project with us.
        Redo the whole deliverable at no charge, with the agreements confirmed in writing from day one.
        A free half-day workshop on the brand guidelines for the client's team.
        Extend the support period by {n1} months at no cost.
        Put a senior designer on the client's account for the next two projects.
        Refund the rush fee of the project.
        Deliver the printed version by courier at our cost.
    """,
    actions="""
        client-comms :: Call the client about 30 days after the fix to ask how the new way of working suits them.
        agreements :: Add a written confirmation of scope, deadlines and materials to the start of every project.
        feedback :: Add a feedback request at the end of each key stage to our project template.
        Deliver the reworked version at no charge.
        Set up a shared calendar with every deadline of the next project.
        Write a one-page checklist for urgent jobs.
        Book a review slot before each delivery in the team calendar.
        Send the client a summary of this debrief and the options.
        Update the estimate template with a line for rounds of comments.
        testing :: Test the site on three phones before every release.
        Agree with the client who has the final say on comments.
        Archive the old templates so that nobody reuses them by mistake.
    """,
    timeline="""
        The client asks for an urgent rework of the presentation.
        After hesitating most of the afternoon, we accept; the scope is agreed by phone.
        The kick-off meeting: the brief is discussed but not written down.
        The materials promised for {day} do not arrive.
        The materials arrive; work starts and goes on through the night.
        The first draft is sent to the client.
        The client's comments on the draft arrive.
        The fixed version is ready and sent to the client.
        The deadline: the client uses the version it already had.
        The client lets us know that it will not recommend us.
        We ask for a meeting instead of answering by e-mail.
    """,
    dialogue="""
        We asked for a meeting instead of answering by e-mail.
        We met the client's team in person {n1} days after the deadline.
        We did not deny that the project had failed, and we did not try to win the client back.
        We offered to go through the project together, so that both sides learn from it.
        The client spoke first; we listened, then repeated the main points back to check that we had understood.
        We said from the start that the result belongs to both of us.
        The call lasted {n2} minutes and ended with a date for a second meeting.
    """,
    summary_us="""
        An urgent request that we hesitated over, accepted, and then could not start on time.
        A project that grew week by week while the deadline stayed where it was.
        A launch we prepared well, until the last two days.
        Work we were proud of, delivered too late to matter.
    """,
    summary_client="""
        An agency it trusted delivered late, with visible errors.
        The corrected version came after the deadline, and the client presented what it had.
        The client spent more time chasing updates than reviewing work.
        A simple job turned into three rounds of corrections.
    """,
    outcome="""
        The project failed, and the failure belongs to both sides.
        We apologised for what the client had to present.
        Of the options we offered, the client chose the rework at no charge.
        The client agreed to meet again in a month to see whether the changes work.
    """,
    outcome_bold="""
        **So that it does not happen again**, we confirm every agreement in writing within a day.
        **To solve it faster if it does**, we call the client the same day a delivery is late.
    """,
    internal="""
        {name} worked through the night alone on the charts.
        {name} argued against taking the job and was overruled.
        {name} was off sick during the last week, and nobody took over the client e-mails.
        The freelancer's invoice was {pct}% over the estimate.
        Staffing was thin that week: two people were on holiday.
    """,
    leak="""
        {name} forgot to send the final files on {day}.
        {name} promised the client a date without asking the team.
        {name} did not pass on the client's comments for two days.
    """,
    inc_summary="""
        For {n2} minutes the payment page rejected every card because an expired certificate was still in use after a deploy.
        The client's online shop was down for {n1} hours after a database migration locked the orders table.
        The newsletter went out twice to {n2} 000 subscribers because a retry ran after a timeout.
        Search on the client's site returned empty results for most of a day after an index rebuild failed silently.
        The booking form accepted requests for {n1} days without sending them to the client's inbox.
    """,
    inc_impact="""
        About {n2}00 customers could not pay until the rollback.
        {n2}0 orders were lost and had to be entered again by hand.
        The client's support team answered {n2}0 extra calls that day.
        The client's customers saw an error page on their phones; desktop was not affected.
        No data was lost, but the client's campaign missed its launch window.
    """,
    inc_timeline="""
        The deploy goes out.
        The first alert fires for errors on the checkout page.
        A customer reports the problem by phone.
        The on-call developer starts investigating.
        The cause is found: `cert.pem` had expired.
        The deploy is rolled back and the service recovers.
        The client is told what happened and when it was fixed.
    """,
    inc_factors="""
        The certificate's expiry date was not monitored.
        The migration was tested on a copy with {pct}% of the real data.
        The retry logic had no limit.
        The runbook described the old hosting setup.
        Deploys on Friday afternoons were allowed "when small".
        Two alerts went to a channel that nobody watched.
        The staging environment used a different configuration than production.
    """,
    inc_detection="""
        A customer reported it by phone {n2} minutes before the first alert fired.
        The monitoring caught it within {n1} minutes.
        The client's support lead noticed the drop in orders and called us.
        Nobody noticed for {n1} hours; the error rate stayed under the alert threshold.
    """,
    inc_resolution="""
        We rolled back the deploy and renewed the certificate the same evening.
        We restored the database from the nightly backup and replayed the missing orders.
        We turned off the retry job and sent the subscribers an apology.
        We rebuilt the index by hand and added a check that fails loudly.
    """,
    inc_well="""
        The rollback took {n1} minutes and needed no manual steps.
        The client was informed within the hour.
        The on-call developer had the runbook open within minutes.
        Backups were recent and restored cleanly.
        Everyone stayed calm & kept notes in one thread.
    """,
    inc_wrong="""
        The alert went to a channel that nobody watched at lunchtime.
        The dashboard showed "OK" while requests were failing.
        It took {n2} minutes to find who could approve a rollback.
        Our status page was not updated until the next morning.
        The client heard about the outage from its customers first.
    """,
    inc_lucky="""
        It happened on a quiet Tuesday, not during the holiday sale.
        The backup had finished {n1} minutes before the migration.
        A developer happened to be online late and saw the errors.
        The newsletter went to a test segment first.
    """,
    inc_actions="""
        Add an alert 30 days before any certificate expires.
        Limit retries to three, with a back-off.
        Rewrite the runbook for the current hosting setup.
        Route all production alerts to the on-call phone.
        testing :: Test migrations on a full-size copy of the data.
        client-comms :: Add a status page update to the incident checklist.
    """,
    sp_summary="""
        We delivered the new sign-up flow but not the reporting page, which moved to the next sprint.
        The sprint goal was met, with {n1} stories carried over.
        Half the sprint went to fixing bugs from the last release.
        The designs arrived late, and the team spent two days waiting.
    """,
    sp_well="""
        Pairing on the payment changes caught two bugs before review.
        The daily stand-up stayed under {n2} minutes.
        The client joined the demo and gave feedback on the spot.
        The new test suite ran in under {n1} minutes.
        Everyone knew what the sprint goal was.
        Code reviews were done within a day.
    """,
    sp_badly="""
        The designs arrived two days into the sprint, so the estimates were guesses.
        Three stories were bigger than they looked.
        The staging server was down for a day.
        We worked on too many things at once.
        The acceptance criteria were written after the work started.
        Feedback from the client came after the sprint ended.
    """,
    sp_actions="""
        Agree with the designers on a design review two days before planning.
        Split any story estimated at more than {n1} days.
        Write acceptance criteria before a story enters the sprint.
        feedback :: Book the client demo for the last day of each sprint.
        Limit work in progress to two stories per person.
    """,
    lessons="""
        C agreements :: We confirm every agreement in writing within a day. | Every agreement is confirmed in writing within a day. | We confirm all agreements in writing, within one day.
        C materials :: We state at the start which materials we need and by when. | At the start, we state which materials we need by when. | We state at the start of a project which materials are needed, and by when.
        C feedback :: We ask for feedback at the end of each key stage. | At the end of every key stage we ask the client for feedback. | We ask for feedback at the end of each key stage of a project.
        C urgent-projects :: We decide whether to take an urgent job within two hours. | We decide within two hours whether to take an urgent job. | Whether we take an urgent job is decided within two hours of the request.
        C client-comms :: When a delivery is late, we call the client the same day. | We call the client the same day a promised delivery is late. | If a delivery is late, we call the client that same day.
        C shared-responsibility :: We say at once that responsibility for the result is shared. | We say at once that the responsibility for the result is shared by both sides. | From the start, we say that responsibility for the result is shared.
        C scope :: Every change of scope gets a written estimate before we start. | We write an estimate for every change of scope before we start. | No change of scope starts without a written estimate.
        C deadline :: We do not accept a deadline we know is unrealistic. | We never accept deadlines that we know are unrealistic. | We no longer accept a deadline we know to be unrealistic.
        C quality :: Every delivery gets an internal review before it goes to the client. | No delivery goes to the client without an internal review. | We review every delivery internally before it goes to the client.
        C client-comms :: We name one contact person on each side at the kick-off. | At the kick-off, each side names one contact person. | One contact person on each side is named at the kick-off.
        C feedback :: We agree with the client who has the final say on comments. | We agree with the client at the start who has the final say on comments. | Who has the final say on comments is agreed with the client.
        C brief :: We write the brief down and send it back to the client the same day. | The brief is written down and sent back to the client the same day. | We send the written brief back to the client the same day.
        C client-comms :: When something goes wrong, we phone the client instead of writing an e-mail. | When something goes wrong we phone the client, not e-mail. | When something goes wrong, we phone the client rather than write an e-mail.
        C testing :: We test every website on phones before it is delivered. | Every website is tested on phones before it is delivered. | Before delivery, we test each website on real phones.
        C planning :: We plan a buffer day before every deadline. | Every deadline gets a buffer day in the plan. | We plan one buffer day before each deadline.
        C staffing :: Nobody works through the night alone on a deadline. | Nobody works alone through the night for a deadline. | On a deadline, nobody works through the night alone.
        C drafts :: We show a rough draft early instead of a finished one late. | We show rough drafts early rather than finished ones late. | Show a rough draft early, not a finished one late.
        C templates :: We check the figures of old templates before reusing them. | Before reusing an old template, we check every figure in it. | The figures of old templates are checked before we reuse them.
        I monitoring :: We monitor the expiry date of every certificate we deploy. | Every certificate we deploy has its expiry date monitored. | We monitor the expiry date of each certificate we deploy.
        I testing :: We test migrations on a full-size copy of the data. | Migrations are tested on a full-size copy of the production data. | We test every migration on a full-size copy of the data first.
        I alerting :: Every production alert goes to the on-call phone. | Every production alert goes to the on-call phone, not to a chat channel. | We route every production alert to the on-call phone.
        I deploys :: We do not deploy on Friday afternoons. | No deploys on Friday afternoon. | We never deploy on a Friday afternoon.
        I client-comms :: We tell the client about an outage before its customers do. | The client hears about an outage from us before its customers tell it. | We tell the client about every outage before its customers can.
        I runbooks :: We update the runbook whenever the hosting changes. | The runbook is updated whenever the hosting changes. | Whenever the hosting changes, we update the runbook.
        S planning :: We do not start a story until its designs are agreed. | No story starts before its designs are agreed. | We do not start any story until its designs are agreed.
        S scope :: We write acceptance criteria before a story enters the sprint. | Acceptance criteria are written before a story enters a sprint. | No story enters the sprint without written acceptance criteria.
        S focus :: We limit work in progress to two stories per person. | Work in progress is limited to two stories per person. | We keep work in progress to two stories per person.
        S feedback :: We invite the client to every sprint demo. | The client is invited to each sprint demo. | Every sprint demo has the client invited.
        S estimates :: We split every story estimated at more than three days. | Stories estimated at more than three days are split. | Any story estimated at more than three days is split.
        S quality :: Code is reviewed within one working day. | We review all code within one working day. | Every code review is done within one working day.
    """,
)

RAW["vi"] = dict(
    days="thứ Hai\nthứ Ba\nthứ Tư\nthứ Năm\nthứ Sáu",
    our_side="**Phía chúng tôi:**",
    client_side="**Phía khách hàng:**",
    see_link="Xem [ghi chú]({url}).",
    title="{d} cho {client}",
    sprint_title="Nhìn lại đợt phát triển {n}",
    team="""
        Phùng Khánh Duyên | Duyên
        Huỳnh Tuệ Khiêm | Khiêm
        Quách Diệp Trâm | Trâm
        Kiều Khải Triết | Triết
        Châu Tuệ Khuê | Khuê
        Tôn Quỳnh Hân | Hân
        Mạc Diệp Uyên | Uyên
        Lục Khánh Vy | Vy
        Doãn Khải Quyên | Quyên
        Khổng Uyển Nhiên | Nhiên
        Hứa Khánh Hân | Hân
        Âu Tuệ Mẫn | Mẫn
        Giáp Quỳnh Khuê | Khuê
        Ninh Khiết Đan | Đan
        Lạc Mẫn Nhi | Nhi
        Ôn Quế Trâm | Trâm
    """,
    client_people="""
        Giám đốc marketing
        Điều phối viên sự kiện
        Trưởng phòng công nghệ thông tin
        Đỗ Hải Yến | trưởng phòng truyền thông
        Lê Văn Tùng | người bảo trợ dự án
        Trần Thu Trang | quản lý thương hiệu
        Bùi Thanh Hà | giám đốc tài chính
    """,
    roles="trưởng nhóm khách hàng\nnhà thiết kế\nquản lý dự án\nlập trình viên\nbiên tập viên\ngiám đốc sáng tạo",
    deliverables="""
        Bài thuyết trình hội nghị
        Báo cáo thường niên
        Ra mắt lại trang web
        Video ra mắt sản phẩm
        Làm mới thương hiệu
        Gian hàng hội chợ
        Bài trình bày cho nhà đầu tư
        Thiết kế lại bản tin
    """,
    incident_titles="""
        Sự cố trang thanh toán
        Cửa hàng trực tuyến ngừng hoạt động sau khi chuyển đổi
        Bản tin bị gửi hai lần
        Biểu mẫu đặt chỗ làm mất yêu cầu
    """,
    ops_project="Vận hành và bảo trì {year}",
    dev_project="Phát triển ứng dụng {year}",
    tags="đánh-giá\nhạn-chót\ngiao-tiếp\nthỏa-thuận\ntài-liệu\nphạm-vi\nchất-lượng\nngân-sách\nkiểm-thử\nyêu-cầu",
    facts_us="""
        Chúng tôi mất gần hết buổi chiều để quyết định có nhận dự án hay không.
        Phạm vi công việc, thời hạn và số lượng trang chỉ được thống nhất qua điện thoại, không có văn bản xác nhận.
        Bản sửa hoàn chỉnh được gửi lúc {h}, chỉ {n2} phút trước hạn chót.
        Tuần đó chỉ có một nhà thiết kế rảnh việc.
        Chúng tôi bắt đầu làm muộn hơn kế hoạch {n1} ngày.
        Bản nháp đầu tiên có {n2} trang, trong khi bản yêu cầu chỉ cần mười hai trang.
        Dòng ngân sách ghi "< {n2} triệu đồng" & không ai hỏi con số đó từ đâu ra.
        Các tệp cuối cùng bị tải lên nhầm thư mục (`/shared/cu`).
        Chúng tôi dùng lại mẫu của năm ngoái mà không kiểm tra lại số liệu.
        Trang web không được kiểm thử trên điện thoại để tiết kiệm một ngày.
    """,
    facts_client="""
        Tài liệu được hứa gửi vào {day} nhưng đến muộn {n1} ngày.
        Góp ý cho bản nháp đến lúc {h} sáng ngày diễn ra sự kiện.
        Phiên bản trình chiếu trước hội đồng vẫn còn số liệu năm ngoái trên hai biểu đồ.
        Ba người phía khách hàng gửi góp ý mâu thuẫn nhau.
        Yêu cầu thay đổi hai lần sau buổi họp khởi động.
        Ngày ra mắt bị đẩy sớm lên {n1} ngày.
        Quyền truy cập hệ thống quản trị nội dung chỉ được cấp vào tuần thứ hai.
        Ngân sách được duyệt thấp hơn báo giá ban đầu {pct}%.
    """,
    lists="""
        Khi bắt đầu, còn thiếu hai thứ:\\n- tệp logo\\n- số liệu cuối cùng
        Góp ý của khách hàng yêu cầu:\\n- đổi màu các biểu đồ\\n- tiêu đề ngắn hơn\\n- ảnh bìa khác
    """,
    emotions_us="""
        Chúng tôi lo lắng suốt từ {day}, chờ tài liệu mãi không đến.
        Phản ứng đầu tiên của chúng tôi trước góp ý là thất vọng.
        Đội ngũ rất thất vọng vì bản trình bày bị trễ.
        Chúng tôi xấu hổ khi thấy tên công ty mình trên những trang có lỗi.
        Trong nhóm có sự *bực bội* vì đã nhận dự án này.
        Chúng tôi nhẹ nhõm khi khách hàng đồng ý gặp lại.
    """,
    emotions_client="""
        Khách hàng *rất tức giận* vì bản sửa đến quá muộn để sử dụng.
        Khách hàng cảm thấy bị một đối tác tin cậy làm thất vọng.
        Nhóm của khách hàng ngượng ngùng trước chính đối tác của họ.
        Khách hàng mệt mỏi vì phải liên tục hỏi tiến độ.
        Khách hàng lo rằng buổi ra mắt sẽ lại bị hoãn.
        Khách hàng cảm thấy chữ "gấp" với chúng tôi có nghĩa khác hẳn.
    """,
    mistakes_us="""
        Chúng tôi do dự quá lâu trước khi nhận một việc gấp. || Nếu quyết định trong vòng một giờ, khách hàng đã có thêm nửa ngày để chuẩn bị tài liệu.
        Chúng tôi không xác nhận các thỏa thuận bằng văn bản. || Một văn bản xác nhận sẽ làm cho hạn gửi tài liệu trở nên ràng buộc với cả hai bên.
        Chúng tôi không nói rõ tài liệu đến muộn sẽ gây hậu quả gì. || Khách hàng đã có thể thu hẹp phạm vi hoặc gửi trước một phần tài liệu.
        Chúng tôi chỉ nhắn tin suốt {n1} ngày mà không gọi điện. || Một cuộc gọi sẽ làm lộ ra sự chậm trễ sớm hơn nhiều ngày.
        Chúng tôi chấp nhận một thời hạn mà mình biết là không thực tế. || Từ chối thời hạn đó sẽ dẫn tới một phạm vi nhỏ hơn mà chúng tôi làm tốt được.
        Chúng tôi bỏ qua bước duyệt nội bộ để tiết kiệm thời gian. || Một người kiểm tra thứ hai đã phát hiện số liệu sai trước khách hàng.
        Chúng tôi để phạm vi công việc tăng lên mà không điều chỉnh báo giá. || Một yêu cầu thay đổi sẽ làm rõ phần việc thêm và chi phí của nó.
        Chúng tôi không hỏi ai là người quyết định cuối cùng phía khách hàng. || Chúng tôi đã nhận một bộ góp ý thay vì ba.
    """,
    mistakes_client="""
        Chúng tôi chỉ tìm đến công ty {n1} ngày trước sự kiện. || Nếu báo trước hai tuần, đã có thời gian cho bản nháp, góp ý và chỉnh sửa.
        Chúng tôi hứa gửi tài liệu vào {day} nhưng gửi muộn. || Bên thực hiện đã có ba ngày thay vì một.
        Chúng tôi gửi góp ý vào buổi sáng của ngày hạn chót. || Góp ý sớm một ngày sẽ để lại đủ thời gian sửa bản nháp.
        Chúng tôi thay đổi yêu cầu sau buổi khởi động mà không nói rõ ảnh hưởng đến thời gian. || Kế hoạch đã có thể được điều chỉnh ngay trong ngày.
        Chúng tôi để ba người cùng góp ý mà không thống nhất nội bộ trước. || Bên thực hiện sẽ nhận được một danh sách thay đổi rõ ràng.
        Chúng tôi không báo rằng ngày ra mắt đã thay đổi. || Công việc đã có thể được sắp xếp theo ngày mới.
    """,
    positives="""
        Chúng tôi đã nhận việc và giao một sản phẩm mà khách hàng thực sự sử dụng.
        Cả hai bên đều thật lòng muốn giúp đỡ nhau.
        Chúng tôi đã làm lại {n2} trang trong chưa đầy một ngày.
        Cả hai bên đến buổi đánh giá với tinh thần sẵn sàng thay đổi cách làm việc.
        Thiết kế được chính các đối tác của khách hàng khen ngợi.
        Không ai bỏ cuộc, kể cả lúc {hn} sáng.
        Danh sách kiểm tra `checklist.md` soạn trong dự án đã được dùng lại.
    """,
    differently_us="""
        Chúng tôi đã có thể trả lời [bản yêu cầu](https://example.com/brief) ngay trong buổi chiều, kèm phạm vi và thời hạn, rồi đề nghị khách hàng xác nhận.
        Chúng tôi đã có thể nói rõ cần tài liệu nào và trước ngày nào.
        Chúng tôi đã có thể nói ngay từ đầu rằng kết quả phụ thuộc vào cả hai bên.
        Chúng tôi đã có thể gọi điện thay vì chờ tin nhắn.
        Chúng tôi đã có thể từ chối thời hạn và đề xuất phạm vi nhỏ hơn.
        Chúng tôi đã có thể cho khách hàng xem bản phác thảo từ ngày thứ hai.
    """,
    differently_client="""
        Chúng tôi đã có thể tìm đến công ty sớm hơn, ngay khi lên kế hoạch sự kiện.
        Chúng tôi đã có thể gửi tài liệu đúng hẹn, hoặc báo trước nếu bị muộn.
        Chúng tôi đã có thể gửi góp ý sớm hơn một ngày.
        Chúng tôi đã có thể thống nhất góp ý nội bộ trước khi gửi đi.
        Chúng tôi đã có thể chỉ định một người có quyền quyết định cuối cùng.
    """,
    remedies="""
        Làm lại miễn phí ba trang yếu nhất trước sự kiện tiếp theo.
        Giảm giá {pct}% cho dự án tiếp theo.
        Làm lại toàn bộ sản phẩm không tính phí, với mọi thỏa thuận được xác nhận bằng văn bản ngay từ ngày đầu.
        Một buổi hội thảo miễn phí về bộ nhận diện thương hiệu cho nhóm của khách hàng.
        Kéo dài thời gian hỗ trợ thêm {n1} tháng không tính phí.
        Hoàn lại phí làm gấp của dự án.
    """,
    actions="""
        giao-tiếp :: Gọi cho khách hàng khoảng 30 ngày sau khi khắc phục để hỏi cách làm việc mới có phù hợp không.
        thỏa-thuận :: Thêm bước xác nhận phạm vi, thời hạn và tài liệu bằng văn bản vào đầu mỗi dự án.
        đánh-giá :: Thêm yêu cầu góp ý vào cuối mỗi giai đoạn chính trong mẫu dự án.
        Giao bản làm lại không tính phí.
        Lập lịch chung với mọi thời hạn của dự án tiếp theo.
        Viết một danh sách kiểm tra một trang cho các việc gấp.
        Gửi khách hàng bản tóm tắt buổi đánh giá này cùng các phương án.
        kiểm-thử :: Kiểm thử trang web trên ba điện thoại trước mỗi lần phát hành.
    """,
    timeline="""
        Khách hàng yêu cầu làm lại gấp bài trình bày.
        Sau gần một buổi chiều do dự, chúng tôi nhận việc; phạm vi được thống nhất qua điện thoại.
        Buổi họp khởi động: yêu cầu được bàn nhưng không ghi lại.
        Tài liệu hứa gửi không đến đúng hẹn.
        Tài liệu đến; công việc bắt đầu và kéo dài suốt đêm.
        Bản nháp đầu tiên được gửi cho khách hàng.
        Góp ý của khách hàng về bản nháp đến.
        Bản sửa hoàn chỉnh được gửi cho khách hàng.
        Đến hạn chót: khách hàng dùng phiên bản cũ.
        Khách hàng cho biết sẽ không giới thiệu chúng tôi cho ai nữa.
    """,
    dialogue="""
        Chúng tôi đề nghị gặp trực tiếp thay vì trả lời bằng email.
        Chúng tôi gặp nhóm của khách hàng {n1} ngày sau hạn chót.
        Chúng tôi không phủ nhận rằng dự án đã thất bại và không cố giành lại khách hàng.
        Chúng tôi đề nghị cùng nhau xem lại dự án để cả hai bên cùng rút kinh nghiệm.
        Khách hàng nói trước; chúng tôi lắng nghe rồi nhắc lại các ý chính để kiểm tra xem mình đã hiểu đúng chưa.
        Cuộc gọi kéo dài {n2} phút và kết thúc bằng một lịch hẹn gặp lần hai.
    """,
    summary_us="""
        Một yêu cầu gấp mà chúng tôi do dự, nhận lời, rồi không thể bắt đầu đúng hạn.
        Một dự án cứ lớn dần mỗi tuần trong khi thời hạn vẫn giữ nguyên.
        Một sản phẩm chúng tôi tự hào, nhưng giao quá muộn để có ý nghĩa.
    """,
    summary_client="""
        Một đối tác đáng tin đã giao muộn, với những lỗi ai cũng thấy.
        Bản sửa đến sau hạn chót, và khách hàng phải trình bày phiên bản cũ.
        Khách hàng mất nhiều thời gian hỏi tiến độ hơn là duyệt sản phẩm.
    """,
    outcome="""
        Dự án đã thất bại, và trách nhiệm thuộc về cả hai bên.
        Chúng tôi đã xin lỗi về phiên bản mà khách hàng phải trình bày.
        Trong các phương án đưa ra, khách hàng chọn làm lại không tính phí.
        Khách hàng đồng ý gặp lại sau một tháng để xem các thay đổi có hiệu quả không.
    """,
    outcome_bold="""
        **Để điều này không lặp lại**, chúng tôi xác nhận mọi thỏa thuận bằng văn bản trong vòng một ngày.
        **Để xử lý nhanh hơn nếu nó xảy ra**, chúng tôi gọi cho khách hàng ngay trong ngày khi việc giao bị muộn.
    """,
    internal="""
        {name} làm việc một mình suốt đêm để vẽ lại các biểu đồ.
        {name} đã phản đối việc nhận dự án nhưng không được lắng nghe.
        {name} bị ốm tuần cuối và không ai trả lời email của khách hàng.
        Hóa đơn của cộng tác viên vượt dự toán {pct}%.
    """,
    leak="""
        {name} quên gửi các tệp cuối cùng vào {day}.
        {name} hứa ngày giao với khách hàng mà không hỏi ý kiến nhóm.
        {name} giữ góp ý của khách hàng hai ngày mới chuyển cho nhóm.
    """,
    inc_summary="""
        Trong {n2} phút, trang thanh toán từ chối mọi thẻ vì một chứng chỉ hết hạn vẫn được dùng sau khi triển khai.
        Cửa hàng trực tuyến của khách hàng ngừng hoạt động {n1} giờ sau khi chuyển đổi cơ sở dữ liệu.
        Bản tin bị gửi hai lần tới {n2} nghìn người đăng ký vì một tác vụ thử lại chạy sau khi hết thời gian chờ.
        Biểu mẫu đặt chỗ nhận yêu cầu suốt {n1} ngày mà không chuyển đến hộp thư của khách hàng.
    """,
    inc_impact="""
        Khoảng {n2}00 khách hàng không thể thanh toán cho đến khi khôi phục.
        {n2}0 đơn hàng bị mất và phải nhập lại bằng tay.
        Bộ phận hỗ trợ của khách hàng phải nghe thêm {n2}0 cuộc gọi trong ngày.
        Không mất dữ liệu, nhưng chiến dịch của khách hàng lỡ thời điểm ra mắt.
    """,
    inc_timeline="""
        Bản triển khai được phát hành.
        Cảnh báo đầu tiên báo lỗi ở trang thanh toán.
        Một khách hàng gọi điện báo sự cố.
        Lập trình viên trực bắt đầu điều tra.
        Tìm ra nguyên nhân: `cert.pem` đã hết hạn.
        Bản triển khai được hoàn tác và dịch vụ hoạt động lại.
        Khách hàng được thông báo về sự cố và thời điểm khắc phục.
    """,
    inc_factors="""
        Ngày hết hạn của chứng chỉ không được theo dõi.
        Việc chuyển đổi chỉ được thử trên bản sao có {pct}% dữ liệu thật.
        Cơ chế thử lại không có giới hạn.
        Tài liệu hướng dẫn vận hành vẫn mô tả hệ thống cũ.
        Hai cảnh báo được gửi vào một kênh không ai theo dõi.
    """,
    inc_detection="""
        Một khách hàng gọi báo sự cố {n2} phút trước khi cảnh báo đầu tiên xuất hiện.
        Hệ thống giám sát phát hiện sự cố trong vòng {n1} phút.
        Không ai nhận ra trong {n1} giờ vì tỷ lệ lỗi vẫn dưới ngưỡng cảnh báo.
    """,
    inc_resolution="""
        Chúng tôi hoàn tác bản triển khai và gia hạn chứng chỉ ngay tối hôm đó.
        Chúng tôi khôi phục cơ sở dữ liệu từ bản sao lưu hằng đêm và nhập lại các đơn hàng bị thiếu.
        Chúng tôi tắt tác vụ thử lại và gửi lời xin lỗi tới người đăng ký.
    """,
    inc_well="""
        Việc hoàn tác mất {n1} phút và không cần thao tác thủ công.
        Khách hàng được thông báo trong vòng một giờ.
        Bản sao lưu mới và khôi phục không lỗi.
        Mọi người giữ bình tĩnh & ghi chép trong cùng một luồng trao đổi.
    """,
    inc_wrong="""
        Cảnh báo đi vào một kênh không ai xem vào giờ nghỉ trưa.
        Bảng theo dõi vẫn hiện "OK" trong khi các yêu cầu bị lỗi.
        Mất {n2} phút mới tìm được người có quyền duyệt hoàn tác.
        Khách hàng biết về sự cố từ chính khách của họ trước tiên.
    """,
    inc_lucky="""
        Sự cố xảy ra vào một ngày thứ Ba vắng vẻ, không phải dịp khuyến mãi.
        Bản sao lưu vừa hoàn tất {n1} phút trước khi chuyển đổi.
        Một lập trình viên tình cờ còn trực tuyến muộn và thấy lỗi.
    """,
    inc_actions="""
        Thêm cảnh báo 30 ngày trước khi bất kỳ chứng chỉ nào hết hạn.
        Giới hạn số lần thử lại là ba, có thời gian chờ tăng dần.
        Viết lại tài liệu vận hành cho hệ thống hiện tại.
        Chuyển mọi cảnh báo của hệ thống thật tới điện thoại của người trực.
        kiểm-thử :: Thử việc chuyển đổi trên bản sao đầy đủ của dữ liệu.
    """,
    sp_summary="""
        Chúng tôi hoàn thành luồng đăng ký mới nhưng chưa xong trang báo cáo, phần này chuyển sang đợt sau.
        Mục tiêu của đợt đã đạt, còn {n1} đầu việc chuyển tiếp.
        Một nửa thời gian của đợt dành để sửa lỗi từ lần phát hành trước.
    """,
    sp_well="""
        Làm việc theo cặp ở phần thanh toán đã phát hiện hai lỗi trước khi duyệt mã.
        Buổi họp đứng hằng ngày luôn dưới {n2} phút.
        Khách hàng tham gia buổi trình diễn và góp ý ngay tại chỗ.
        Bộ kiểm thử mới chạy dưới {n1} phút.
        Việc duyệt mã được hoàn thành trong vòng một ngày.
    """,
    sp_badly="""
        Thiết kế đến muộn hai ngày sau khi bắt đầu đợt, nên các ước lượng chỉ là phỏng đoán.
        Ba đầu việc lớn hơn nhiều so với dự tính.
        Máy chủ thử nghiệm ngừng hoạt động một ngày.
        Chúng tôi làm quá nhiều việc cùng lúc.
        Tiêu chí nghiệm thu được viết sau khi công việc đã bắt đầu.
    """,
    sp_actions="""
        Thống nhất với nhóm thiết kế một buổi duyệt thiết kế hai ngày trước buổi lập kế hoạch.
        Chia nhỏ mọi đầu việc ước lượng trên {n1} ngày.
        Viết tiêu chí nghiệm thu trước khi đưa đầu việc vào đợt.
        đánh-giá :: Đặt lịch trình diễn với khách hàng vào ngày cuối của mỗi đợt.
    """,
    lessons="""
        C thỏa-thuận :: Chúng tôi xác nhận mọi thỏa thuận bằng văn bản trong vòng một ngày. | Mọi thỏa thuận đều được xác nhận bằng văn bản trong vòng một ngày. | Trong vòng một ngày, chúng tôi xác nhận bằng văn bản tất cả các thỏa thuận.
        C tài-liệu :: Ngay từ đầu, chúng tôi nói rõ cần tài liệu nào và trước ngày nào. | Chúng tôi nói rõ ngay từ đầu cần những tài liệu nào, trước ngày nào. | Ngay từ đầu dự án, chúng tôi nói rõ cần tài liệu nào và trước ngày nào.
        C đánh-giá :: Chúng tôi xin góp ý vào cuối mỗi giai đoạn chính. | Cuối mỗi giai đoạn chính, chúng tôi xin khách hàng góp ý. | Chúng tôi luôn xin góp ý vào cuối mỗi giai đoạn chính của dự án.
        C việc-gấp :: Chúng tôi quyết định có nhận việc gấp hay không trong vòng hai giờ. | Trong vòng hai giờ, chúng tôi quyết định nhận hay không nhận một việc gấp. | Việc gấp được quyết định nhận hay không trong vòng hai giờ.
        C giao-tiếp :: Khi việc giao bị muộn, chúng tôi gọi cho khách hàng ngay trong ngày. | Chúng tôi gọi điện cho khách hàng ngay trong ngày khi việc giao bị muộn. | Nếu việc giao bị muộn, chúng tôi gọi cho khách hàng ngay trong ngày đó.
        C trách-nhiệm :: Chúng tôi nói ngay từ đầu rằng kết quả là trách nhiệm chung của hai bên. | Ngay từ đầu, chúng tôi nói rõ kết quả là trách nhiệm chung của hai bên. | Chúng tôi nói từ đầu rằng trách nhiệm về kết quả là chung của cả hai bên.
        C phạm-vi :: Mọi thay đổi phạm vi đều có báo giá bằng văn bản trước khi bắt đầu. | Chúng tôi gửi báo giá bằng văn bản cho mọi thay đổi phạm vi trước khi bắt đầu. | Không thay đổi phạm vi nào được bắt đầu nếu chưa có báo giá bằng văn bản.
        C hạn-chót :: Chúng tôi không nhận một thời hạn mà mình biết là không thực tế. | Chúng tôi không bao giờ nhận thời hạn mà mình biết là không thực tế. | Chúng tôi thôi nhận những thời hạn mà mình biết là không thực tế.
        C chất-lượng :: Mọi sản phẩm đều được duyệt nội bộ trước khi gửi khách hàng. | Không sản phẩm nào được gửi cho khách hàng nếu chưa duyệt nội bộ. | Chúng tôi duyệt nội bộ mọi sản phẩm trước khi gửi cho khách hàng.
        C giao-tiếp :: Mỗi bên cử một người liên hệ duy nhất ngay từ buổi khởi động. | Ngay buổi khởi động, mỗi bên cử một người liên hệ duy nhất. | Từ buổi khởi động, mỗi bên cử ra một người liên hệ duy nhất.
        C đánh-giá :: Chúng tôi thống nhất với khách hàng ai là người quyết định cuối cùng về góp ý. | Ngay từ đầu, chúng tôi thống nhất với khách hàng ai quyết định cuối cùng về góp ý. | Ai là người quyết định cuối cùng về góp ý được thống nhất với khách hàng.
        C yêu-cầu :: Chúng tôi ghi lại bản yêu cầu và gửi lại cho khách hàng ngay trong ngày. | Bản yêu cầu được ghi lại và gửi lại cho khách hàng trong ngày. | Ngay trong ngày, chúng tôi ghi lại bản yêu cầu và gửi lại cho khách hàng.
        C giao-tiếp :: Khi có sự cố, chúng tôi gọi điện cho khách hàng chứ không gửi email. | Khi có sự cố, chúng tôi gọi điện cho khách hàng thay vì gửi email. | Có sự cố thì chúng tôi gọi điện cho khách hàng, không gửi email.
        C kiểm-thử :: Chúng tôi kiểm thử mọi trang web trên điện thoại trước khi bàn giao. | Mọi trang web đều được kiểm thử trên điện thoại trước khi bàn giao. | Trước khi bàn giao, chúng tôi kiểm thử từng trang web trên điện thoại thật.
        C kế-hoạch :: Chúng tôi luôn để một ngày dự phòng trước mỗi hạn chót. | Mỗi hạn chót đều có một ngày dự phòng trong kế hoạch. | Trước mỗi hạn chót, kế hoạch luôn có một ngày dự phòng.
        C nhân-sự :: Không ai phải làm việc một mình suốt đêm vì hạn chót. | Vì hạn chót, không ai phải làm việc suốt đêm một mình. | Không ai làm việc một mình suốt đêm vì một hạn chót.
        C bản-nháp :: Chúng tôi cho xem bản phác thảo sớm thay vì bản hoàn chỉnh muộn. | Chúng tôi cho xem bản phác thảo sớm chứ không phải bản hoàn chỉnh muộn. | Cho xem bản phác thảo sớm, thay vì bản hoàn chỉnh muộn.
        C mẫu :: Chúng tôi kiểm tra số liệu trong mẫu cũ trước khi dùng lại. | Trước khi dùng lại một mẫu cũ, chúng tôi kiểm tra mọi số liệu trong đó. | Số liệu trong mẫu cũ luôn được kiểm tra trước khi dùng lại.
        I giám-sát :: Chúng tôi theo dõi ngày hết hạn của mọi chứng chỉ được triển khai. | Mọi chứng chỉ triển khai đều được theo dõi ngày hết hạn. | Ngày hết hạn của từng chứng chỉ triển khai đều được chúng tôi theo dõi.
        I kiểm-thử :: Chúng tôi thử việc chuyển đổi dữ liệu trên bản sao đầy đủ. | Việc chuyển đổi dữ liệu được thử trên bản sao đầy đủ của dữ liệu thật. | Mọi lần chuyển đổi dữ liệu đều được thử trước trên bản sao đầy đủ.
        I cảnh-báo :: Mọi cảnh báo của hệ thống thật đều đến điện thoại của người trực. | Cảnh báo của hệ thống thật được gửi tới điện thoại người trực, không vào kênh trò chuyện. | Chúng tôi chuyển mọi cảnh báo của hệ thống thật tới điện thoại người trực.
        I triển-khai :: Chúng tôi không triển khai vào chiều thứ Sáu. | Không triển khai vào chiều thứ Sáu. | Chúng tôi không bao giờ triển khai vào buổi chiều thứ Sáu.
        I giao-tiếp :: Chúng tôi báo cho khách hàng về sự cố trước khi khách của họ phát hiện. | Khách hàng được chúng tôi báo về sự cố trước khi khách của họ phát hiện. | Chúng tôi luôn báo sự cố cho khách hàng trước khi khách của họ phát hiện.
        I vận-hành :: Chúng tôi cập nhật tài liệu vận hành mỗi khi hệ thống máy chủ thay đổi. | Tài liệu vận hành được cập nhật mỗi khi hệ thống máy chủ thay đổi. | Mỗi khi hệ thống máy chủ thay đổi, chúng tôi cập nhật tài liệu vận hành.
        S kế-hoạch :: Chúng tôi không bắt đầu một đầu việc khi thiết kế chưa được thống nhất. | Không đầu việc nào bắt đầu khi thiết kế chưa được thống nhất. | Chúng tôi chỉ bắt đầu đầu việc khi thiết kế đã được thống nhất.
        S phạm-vi :: Chúng tôi viết tiêu chí nghiệm thu trước khi đưa đầu việc vào đợt. | Tiêu chí nghiệm thu được viết trước khi đầu việc vào đợt. | Không đầu việc nào vào đợt khi chưa viết tiêu chí nghiệm thu.
        S tập-trung :: Mỗi người làm tối đa hai đầu việc cùng lúc. | Chúng tôi giới hạn mỗi người làm tối đa hai đầu việc cùng lúc. | Mỗi người chỉ làm tối đa hai đầu việc cùng lúc.
        S đánh-giá :: Chúng tôi mời khách hàng tham dự mọi buổi trình diễn cuối đợt. | Khách hàng được mời tham dự mỗi buổi trình diễn cuối đợt. | Mọi buổi trình diễn cuối đợt đều mời khách hàng tham dự.
        S ước-lượng :: Chúng tôi chia nhỏ mọi đầu việc ước lượng trên ba ngày. | Đầu việc ước lượng trên ba ngày đều được chia nhỏ. | Mọi đầu việc ước lượng hơn ba ngày được chia nhỏ.
        S chất-lượng :: Mã được duyệt trong vòng một ngày làm việc. | Chúng tôi duyệt mọi thay đổi mã trong vòng một ngày làm việc. | Việc duyệt mã hoàn thành trong vòng một ngày làm việc.
    """,
)

RAW["fi"] = dict(
    days="maanantaina\ntiistaina\nkeskiviikkona\ntorstaina\nperjantaina",
    our_side="**Meidän näkökulmamme:**",
    client_side="**Asiakkaan näkökulma:**",
    see_link="Katso [muistiinpanot]({url}).",
    title="{client}: {d}",
    sprint_title="Sprintin {n} retrospektiivi",
    team="""
        Mikko Virtanen | Mikko
        Laura Korhonen | Laura
        Sanna Heikkilä | Sanna
        Ville Koskinen | Ville
        Elina Järvinen | Elina
        Teemu Lehtonen | Teemu
        Riikka Mäkelä | Riikka
        Antti Hämäläinen | Antti
        Noora Salminen | Noora
        Oskari Laaksonen | Oskari
        Hanna Rantala | Hanna
        Jussi Tuominen | Jussi
    """,
    client_people="""
        Markkinointijohtaja
        Tapahtumakoordinaattori
        IT-päällikkö
        Päivi Laine | viestintäpäällikkö
        Jarmo Heinonen | projektin omistaja
        Kaisa Lindroos | brändipäällikkö
        Timo Nurmi | talousjohtaja
    """,
    roles="asiakkuusvastaava\nsuunnittelija\nprojektipäällikkö\nkehittäjä\ncopywriter\nAD",
    deliverables="""
        Konferenssiesitys
        Vuosikertomus
        Verkkosivu-uudistus
        Tuotelanseerausvideo
        Brändiuudistus
        Messuosasto
        Sijoittajaesitys
        Uutiskirjeen uudistus
    """,
    incident_titles="""
        Maksusivun katko
        Verkkokauppa alhaalla migraation jälkeen
        Uutiskirje lähti kahdesti
        Varauslomake hukkasi pyyntöjä
    """,
    ops_project="Palvelinylläpito {year}",
    dev_project="Sovelluskehitys {year}",
    tags="aikataulu\nviestintä\nsopimukset\naineistot\npalaute\nlaajuus\nlaatu\nbudjetti\ntestaus\nbrief",
    facts_us="""
        Käytimme lähes koko iltapäivän päättääksemme, otammeko työn vastaan.
        Laajuus, aikataulu ja sivumäärä sovittiin puhelimessa, eikä niitä vahvistettu kirjallisesti.
        Korjattu versio lähti klo {h}, vain {n2} minuuttia ennen määräaikaa.
        Sillä viikolla vain yksi suunnittelija oli vapaana.
        Aloitimme työn {n1} päivää suunniteltua myöhemmin.
        Ensimmäisessä luonnoksessa oli {n2} sivua, vaikka briefissä pyydettiin kahtatoista.
        Budjettirivillä luki "< {n2} 000 €" & kukaan ei kysynyt, mistä luku tuli.
        Lopulliset tiedostot ladattiin väärään kansioon (`/shared/vanha`).
        Käytimme viime vuoden pohjaa tarkistamatta lukuja.
        Sivuston testaus puhelimilla jätettiin väliin päivän säästämiseksi.
    """,
    facts_client="""
        Aineistot luvattiin {day}, mutta ne tulivat {n1} päivää myöhemmin.
        Kommentit luonnokseen tulivat klo {h} tapahtumapäivän aamuna.
        Hallitukselle näytetyssä versiossa oli yhä viime vuoden luvut kahdessa kaaviossa.
        Asiakkaan puolelta kolme ihmistä antoi keskenään ristiriitaisia kommentteja.
        Brief muuttui kahdesti aloituspalaverin jälkeen.
        Julkaisupäivää aikaistettiin {n1} päivällä.
        Pääsy asiakkaan julkaisujärjestelmään saatiin vasta toisella viikolla.
        Hyväksytty budjetti oli {pct} % pienempi kuin ensimmäinen tarjous.
    """,
    lists="""
        Aloittaessa puuttui kaksi asiaa:\\n- logotiedostot\\n- lopulliset luvut
        Asiakkaan kommenteissa pyydettiin:\\n- kaavioille uusi väri\\n- lyhyemmät otsikot\\n- toinen kansikuva
    """,
    emotions_us="""
        Olimme hermostuneita koko viikonlopun, kun odotimme aineistoja, joita ei kuulunut.
        Ensimmäinen reaktiomme palautteeseen oli pettymys.
        Tiimi oli todella pettynyt, koska esitys myöhästyi.
        Nolotti nähdä yrityksemme nimi dioissa, joissa oli virheitä.
        Tiimissä oli *turhautumista* siitä, että työ ylipäätään otettiin vastaan.
        Olimme helpottuneita, kun asiakas suostui tapaamaan.
    """,
    emotions_client="""
        Asiakas oli *raivoissaan*, koska korjattu versio tuli liian myöhään.
        Asiakas koki, että luotettu kumppani petti sen.
        Asiakkaan tiimi joutui noloon tilanteeseen omien kumppaniensa edessä.
        Asiakas oli väsynyt jatkuvaan tilanteen kyselemiseen.
        Asiakas pelkäsi, että julkaisu siirtyy taas.
        Asiakkaan mielestä sana "kiireellinen" tarkoitti meille jotain aivan muuta.
    """,
    mistakes_us="""
        Epäröimme liian kauan ennen kuin otimme kiireellisen työn vastaan. || Jos olisimme päättäneet tunnissa, asiakkaalla olisi ollut puoli päivää enemmän aikaa koota aineistot.
        Emme vahvistaneet sopimuksia kirjallisesti. || Kirjallinen vahvistus olisi tehnyt aineistojen määräajasta sitovan molemmille osapuolille.
        Emme kertoneet, mitä aineistojen myöhästyminen maksaa. || Asiakas olisi voinut supistaa laajuutta tai lähettää osan aineistoista ajoissa.
        Kirjoitimme {n1} päivää viestejä emmekä kertaakaan soittaneet. || Puhelu olisi tuonut viivästyksen esiin päiviä aiemmin.
        Hyväksyimme määräajan, jonka tiesimme epärealistiseksi. || Kieltäytyminen olisi johtanut pienempään laajuuteen, jonka olisimme tehneet hyvin.
        Jätimme sisäisen tarkistuksen väliin säästääksemme aikaa. || Toinen silmäpari olisi huomannut väärät luvut ennen asiakasta.
        Annoimme laajuuden kasvaa muuttamatta arviota. || Muutospyyntö olisi tehnyt lisätyön ja sen hinnan näkyväksi.
        Emme kysyneet, kenellä on asiakkaan puolella viimeinen sana. || Olisimme saaneet yhden kommenttikierroksen kolmen sijaan.
    """,
    mistakes_client="""
        Otimme yhteyttä toimistoon vasta {n1} päivää ennen tapahtumaa. || Kahden viikon varoitusajalla olisi ehditty tehdä luonnos, kommentit ja korjaukset.
        Lupasimme aineistot {day}, mutta lähetimme ne myöhemmin. || Toimistolla olisi ollut kolme päivää yhden sijaan.
        Lähetimme kommenttimme määräpäivän aamuna. || Päivää aiemmin lähetetyt kommentit olisivat jättäneet aikaa korjata luonnos.
        Muutimme briefiä aloituksen jälkeen kertomatta, mitä se maksaa aikataulussa. || Suunnitelma olisi voitu päivittää samana päivänä.
        Annoimme kolmen ihmisen kommentoida sopimatta ensin keskenämme. || Toimisto olisi saanut yhden selkeän muutoslistan.
        Emme kertoneet, että julkaisupäivä oli muuttunut. || Työ olisi voitu suunnitella uuden päivän mukaan.
    """,
    positives="""
        Otimme työn vastaan ja toimitimme jotain, mitä asiakas oikeasti käytti.
        Molemmat osapuolet halusivat aidosti auttaa.
        Teimme {n2} diaa uudelleen alle vuorokaudessa.
        Molemmat osapuolet tulivat purkuun valmiina muuttamaan toimintatapojaan.
        Asiakkaan kumppanit kehuivat itse suunnittelua.
        Kukaan ei luovuttanut, ei edes kello {hn} aamuyöllä.
        Projektin aikana laadittu `checklist.md` on jo käytössä.
    """,
    differently_us="""
        Olisimme voineet vastata [briefiin](https://example.com/brief) samana iltapäivänä laajuudella ja aikataululla ja pyytää asiakasta vahvistamaan ne.
        Olisimme voineet kertoa, mitä aineistoja tarvitsemme ja mihin mennessä.
        Olisimme voineet sanoa heti alussa, että tulos riippuu molemmista osapuolista.
        Olisimme voineet soittaa sen sijaan, että odotimme viestejä.
        Olisimme voineet kieltäytyä määräajasta ja ehdottaa pienempää laajuutta.
        Olisimme voineet näyttää karkean luonnoksen jo toisena päivänä.
    """,
    differently_client="""
        Olisimme voineet ottaa yhteyttä aiemmin, heti kun tapahtumaa alettiin suunnitella.
        Olisimme voineet lähettää aineistot ajoissa tai varoittaa myöhästymisestä.
        Olisimme voineet lähettää kommenttimme päivää aiemmin.
        Olisimme voineet sopia kommenteista ensin keskenämme.
        Olisimme voineet nimetä yhden ihmisen, jolla on viimeinen sana.
    """,
    remedies="""
        Teemme kolme heikointa diaa uudelleen veloituksetta ennen seuraavaa tapahtumaa.
        {pct} %:n alennus seuraavasta projektista.
        Teemme koko toimituksen uudelleen veloituksetta, ja kaikki sopimukset vahvistetaan kirjallisesti ensimmäisestä päivästä alkaen.
        Maksuton puolen päivän työpaja brändiohjeista asiakkaan tiimille.
        Tukijakson jatko {n1} kuukaudella ilman lisämaksua.
        Palautamme projektin kiirelisän.
    """,
    actions="""
        viestintä :: Soitetaan asiakkaalle noin 30 päivää korjauksen jälkeen ja kysytään, sopiiko uusi toimintatapa.
        sopimukset :: Lisätään jokaisen projektin alkuun kirjallinen vahvistus laajuudesta, aikataulusta ja aineistoista.
        palaute :: Lisätään projektipohjaan palautepyyntö jokaisen päävaiheen loppuun.
        Toimitetaan uusittu versio veloituksetta.
        Laaditaan yhteinen kalenteri seuraavan projektin kaikista määräajoista.
        Kirjoitetaan yhden sivun tarkistuslista kiireellisiä töitä varten.
        Lähetetään asiakkaalle yhteenveto tästä purusta ja vaihtoehdoista.
        testaus :: Testataan sivusto kolmella puhelimella ennen jokaista julkaisua.
    """,
    timeline="""
        Asiakas pyytää kiireellistä esityksen muokkausta.
        Iltapäivän epäröinnin jälkeen otamme työn vastaan; laajuus sovitaan puhelimessa.
        Aloituspalaveri: briefistä keskustellaan, mutta sitä ei kirjata.
        Luvattuja aineistoja ei kuulu.
        Aineistot saapuvat; työ alkaa ja jatkuu läpi yön.
        Ensimmäinen luonnos lähetetään asiakkaalle.
        Asiakkaan kommentit luonnokseen saapuvat.
        Korjattu versio on valmis ja lähetetään asiakkaalle.
        Määräaika: asiakas käyttää versiota, joka sillä jo oli.
        Asiakas ilmoittaa, ettei suosittele meitä.
    """,
    dialogue="""
        Pyysimme tapaamista sen sijaan, että olisimme vastanneet sähköpostilla.
        Tapasimme asiakkaan tiimin {n1} päivää määräajan jälkeen.
        Emme kiistäneet, että projekti epäonnistui, emmekä yrittäneet voittaa asiakasta takaisin.
        Ehdotimme, että käymme projektin läpi yhdessä, jotta molemmat osapuolet oppivat siitä.
        Asiakas puhui ensin; kuuntelimme ja toistimme pääkohdat varmistaaksemme, että ymmärsimme oikein.
        Puhelu kesti {n2} minuuttia ja päättyi sovittuun toiseen tapaamiseen.
    """,
    summary_us="""
        Kiireellinen pyyntö, jota epäröimme, jonka otimme vastaan ja jota emme voineet aloittaa ajoissa.
        Projekti, joka kasvoi viikko viikolta, vaikka määräaika pysyi paikallaan.
        Työ, josta olimme ylpeitä, mutta joka valmistui liian myöhään.
    """,
    summary_client="""
        Luotettu kumppani toimitti myöhässä ja näkyvin virhein.
        Korjattu versio tuli määräajan jälkeen, ja asiakas esitti sen, mitä sillä oli.
        Asiakas käytti enemmän aikaa tilanteen kyselemiseen kuin työn tarkistamiseen.
    """,
    outcome="""
        Projekti epäonnistui, ja epäonnistuminen kuuluu molemmille osapuolille.
        Pyysimme anteeksi versiota, jonka asiakas joutui esittämään.
        Tarjoamistamme vaihtoehdoista asiakas valitsi maksuttoman uusinnan.
        Asiakas suostui tapaamaan kuukauden päästä, jotta nähdään, toimivatko muutokset.
    """,
    outcome_bold="""
        **Jotta tämä ei toistu**, vahvistamme jokaisen sopimuksen kirjallisesti vuorokauden sisällä.
        **Jotta korjaamme nopeammin, jos se toistuu**, soitamme asiakkaalle samana päivänä, kun toimitus myöhästyy.
    """,
    internal="""
        {name} teki kaaviot yksin läpi yön.
        {name} vastusti työn vastaanottamista, mutta jäi vähemmistöön.
        {name} oli sairaana viimeisen viikon, eikä kukaan hoitanut asiakkaan sähköposteja.
        Freelancerin lasku ylitti arvion {pct} %.
    """,
    leak="""
        {name} unohti lähettää lopulliset tiedostot {day}.
        {name} lupasi asiakkaalle päivämäärän kysymättä tiimiltä.
        {name} välitti asiakkaan kommentit tiimille vasta kahden päivän päästä.
    """,
    inc_summary="""
        Maksusivu hylkäsi {n2} minuutin ajan kaikki kortit, koska vanhentunut varmenne jäi käyttöön julkaisun jälkeen.
        Asiakkaan verkkokauppa oli poissa käytöstä {n1} tuntia tietokantamigraation jälkeen.
        Uutiskirje lähti kahdesti {n2} 000 tilaajalle, koska uudelleenyritys ajettiin aikakatkaisun jälkeen.
        Varauslomake otti vastaan pyyntöjä {n1} päivää lähettämättä niitä asiakkaan postilaatikkoon.
    """,
    inc_impact="""
        Noin {n2}00 asiakasta ei voinut maksaa ennen palautusta.
        {n2}0 tilausta katosi, ja ne syötettiin uudelleen käsin.
        Asiakkaan asiakaspalvelu vastasi sinä päivänä {n2}0 ylimääräiseen puheluun.
        Tietoja ei menetetty, mutta asiakkaan kampanja ei ehtinyt julkaisuikkunaan.
    """,
    inc_timeline="""
        Julkaisu viedään tuotantoon.
        Ensimmäinen hälytys virheistä kassasivulla.
        Asiakas ilmoittaa ongelmasta puhelimitse.
        Päivystävä kehittäjä alkaa selvittää vikaa.
        Syy löytyy: `cert.pem` oli vanhentunut.
        Julkaisu perutaan ja palvelu toipuu.
        Asiakkaalle kerrotaan, mitä tapahtui ja milloin vika korjattiin.
    """,
    inc_factors="""
        Varmenteen vanhenemista ei valvottu.
        Migraatio testattiin kopiolla, jossa oli {pct} % oikeasta datasta.
        Uudelleenyrityksillä ei ollut ylärajaa.
        Ajo-ohje kuvasi vanhaa palvelinympäristöä.
        Kaksi hälytystä meni kanavaan, jota kukaan ei seurannut.
    """,
    inc_detection="""
        Asiakas ilmoitti viasta puhelimitse {n2} minuuttia ennen ensimmäistä hälytystä.
        Valvonta havaitsi vian {n1} minuutissa.
        Kukaan ei huomannut vikaa {n1} tuntiin, koska virheaste pysyi hälytysrajan alla.
    """,
    inc_resolution="""
        Peruimme julkaisun ja uusimme varmenteen samana iltana.
        Palautimme tietokannan yön varmuuskopiosta ja syötimme puuttuvat tilaukset uudelleen.
        Pysäytimme uudelleenyritykset ja lähetimme tilaajille anteeksipyynnön.
    """,
    inc_well="""
        Palautus kesti {n1} minuuttia eikä vaatinut käsityötä.
        Asiakkaalle kerrottiin tunnin sisällä.
        Varmuuskopiot olivat tuoreita ja palautuivat ongelmitta.
        Kaikki pysyivät rauhallisina & kirjasivat muistiinpanot yhteen ketjuun.
    """,
    inc_wrong="""
        Hälytys meni kanavaan, jota kukaan ei katsonut lounasaikaan.
        Kojelauta näytti "OK", vaikka pyynnöt epäonnistuivat.
        Kesti {n2} minuuttia selvittää, kuka saa hyväksyä palautuksen.
        Asiakas kuuli katkoksesta ensin omilta asiakkailtaan.
    """,
    inc_lucky="""
        Vika sattui hiljaisena tiistaina eikä alennusmyynnin aikana.
        Varmuuskopio oli valmistunut {n1} minuuttia ennen migraatiota.
        Eräs kehittäjä sattui olemaan myöhään verkossa ja huomasi virheet.
    """,
    inc_actions="""
        Lisätään hälytys 30 päivää ennen minkään varmenteen vanhenemista.
        Rajoitetaan uudelleenyritykset kolmeen.
        Kirjoitetaan ajo-ohje uudelleen nykyiselle ympäristölle.
        Ohjataan kaikki tuotantohälytykset päivystyspuhelimeen.
        testaus :: Testataan migraatiot täysikokoisella kopiolla datasta.
    """,
    sp_summary="""
        Toimitimme uuden rekisteröitymisen, mutta raporttisivu siirtyi seuraavaan sprinttiin.
        Sprintin tavoite saavutettiin, ja {n1} tarinaa siirtyi eteenpäin.
        Puolet sprintistä kului edellisen julkaisun virheiden korjaamiseen.
    """,
    sp_well="""
        Pariohjelmointi maksumuutoksissa löysi kaksi virhettä ennen katselmointia.
        Päivittäinen palaveri pysyi alle {n2} minuutissa.
        Asiakas osallistui demoon ja antoi palautetta heti.
        Uudet testit ajettiin alle {n1} minuutissa.
        Koodikatselmoinnit tehtiin päivän sisällä.
    """,
    sp_badly="""
        Suunnitelmat tulivat kaksi päivää sprintin alun jälkeen, joten arviot olivat arvauksia.
        Kolme tarinaa oli paljon suurempia kuin näytti.
        Testipalvelin oli alhaalla päivän.
        Teimme liian montaa asiaa yhtä aikaa.
        Hyväksymiskriteerit kirjoitettiin vasta työn alettua.
    """,
    sp_actions="""
        Sovitaan suunnittelijoiden kanssa suunnitelmien katselmointi kaksi päivää ennen sprintin suunnittelupalaveria.
        Pilkotaan jokainen yli {n1} päivän tarina.
        Kirjoitetaan hyväksymiskriteerit ennen kuin tarina otetaan sprinttiin.
        palaute :: Varataan asiakasdemo jokaisen sprintin viimeiselle päivälle.
    """,
    lessons="""
        C sopimukset :: Vahvistamme jokaisen sopimuksen kirjallisesti vuorokauden sisällä. | Jokainen sopimus vahvistetaan kirjallisesti vuorokauden sisällä. | Vuorokauden sisällä vahvistamme kaikki sopimukset kirjallisesti.
        C aineistot :: Kerromme heti alussa, mitä aineistoja tarvitsemme ja mihin mennessä. | Heti alussa kerromme, mitä aineistoja tarvitsemme ja mihin mennessä. | Kerromme projektin alussa, mitä aineistoja tarvitsemme ja mihin mennessä.
        C palaute :: Pyydämme palautetta jokaisen päävaiheen lopussa. | Jokaisen päävaiheen lopussa pyydämme asiakkaalta palautetta. | Pyydämme palautetta aina projektin jokaisen päävaiheen lopussa.
        C kiire :: Päätämme kahden tunnin sisällä, otammeko kiireellisen työn vastaan. | Kahden tunnin sisällä päätämme, otammeko kiireellisen työn vastaan. | Päätämme kiireellisen työn vastaanottamisesta kahden tunnin sisällä.
        C viestintä :: Kun toimitus myöhästyy, soitamme asiakkaalle samana päivänä. | Soitamme asiakkaalle samana päivänä, kun luvattu toimitus myöhästyy. | Jos toimitus myöhästyy, soitamme asiakkaalle samana päivänä.
        C vastuu :: Sanomme heti, että vastuu lopputuloksesta on yhteinen. | Sanomme heti alussa, että vastuu lopputuloksesta on yhteinen. | Heti alussa sanomme, että vastuu lopputuloksesta on molempien yhteinen.
        C laajuus :: Jokainen laajuuden muutos saa kirjallisen arvion ennen aloitusta. | Jokaisesta laajuuden muutoksesta tehdään kirjallinen arvio ennen aloitusta. | Laajuuden muutos saa aina kirjallisen arvion ennen aloitusta.
        C aikataulu :: Emme hyväksy määräaikaa, jonka tiedämme epärealistiseksi. | Emme koskaan hyväksy määräaikaa, jonka tiedämme epärealistiseksi. | Emme enää hyväksy määräaikaa, jonka tiedämme epärealistiseksi.
        C laatu :: Jokainen toimitus tarkistetaan sisäisesti ennen kuin se lähtee asiakkaalle. | Toimitus tarkistetaan aina sisäisesti ennen kuin se lähtee asiakkaalle. | Tarkistamme jokaisen toimituksen sisäisesti ennen kuin se lähtee asiakkaalle.
        C viestintä :: Kummallekin puolelle nimetään yksi yhteyshenkilö aloituspalaverissa. | Aloituspalaverissa kummallekin puolelle nimetään yksi yhteyshenkilö. | Nimeämme aloituspalaverissa yhden yhteyshenkilön kummallekin puolelle.
        C palaute :: Sovimme asiakkaan kanssa, kenellä on viimeinen sana kommenteista. | Sovimme heti alussa asiakkaan kanssa, kenellä on viimeinen sana kommenteista. | Asiakkaan kanssa sovitaan, kenellä on viimeinen sana kommenteista.
        C brief :: Kirjaamme briefin ja lähetämme sen asiakkaalle takaisin samana päivänä. | Brief kirjataan ja lähetetään asiakkaalle takaisin samana päivänä. | Samana päivänä kirjaamme briefin ja lähetämme sen takaisin asiakkaalle.
        C viestintä :: Kun jokin menee pieleen, soitamme asiakkaalle emmekä lähetä sähköpostia. | Kun jokin menee pieleen, soitamme asiakkaalle sähköpostin sijaan. | Jos jokin menee pieleen, soitamme asiakkaalle emmekä kirjoita sähköpostia.
        C testaus :: Testaamme jokaisen verkkosivuston puhelimilla ennen luovutusta. | Jokainen verkkosivusto testataan puhelimilla ennen luovutusta. | Ennen luovutusta testaamme jokaisen verkkosivuston oikeilla puhelimilla.
        C suunnittelu :: Jätämme ennen jokaista määräaikaa yhden varapäivän. | Ennen jokaista määräaikaa jätämme yhden varapäivän. | Pidämme ennen jokaista määräaikaa yhden varapäivän.
        C resurssit :: Kukaan ei tee yötöitä yksin määräajan takia. | Määräajan takia kukaan ei tee yötöitä yksin. | Kukaan ei koskaan tee yötöitä yksin määräajan takia.
        C luonnokset :: Näytämme karkean luonnoksen aikaisin emmekä valmista versiota myöhään. | Näytämme karkeat luonnokset aikaisin emmekä valmiita versioita myöhään. | Karkea luonnos näytetään aikaisin, ei valmis versio myöhään.
        C pohjat :: Tarkistamme vanhojen pohjien luvut ennen uudelleenkäyttöä. | Ennen vanhan pohjan uudelleenkäyttöä tarkistamme sen luvut. | Vanhojen pohjien luvut tarkistetaan ennen uudelleenkäyttöä.
        I valvonta :: Valvomme jokaisen käyttöön otetun varmenteen vanhenemispäivää. | Jokaisen käyttöön otetun varmenteen vanhenemispäivää valvotaan. | Valvomme kaikkien käyttöön otettujen varmenteiden vanhenemispäivää.
        I testaus :: Testaamme migraatiot täysikokoisella kopiolla datasta. | Migraatiot testataan täysikokoisella kopiolla tuotantodatasta. | Testaamme jokaisen migraation ensin täysikokoisella kopiolla datasta.
        I hälytykset :: Jokainen tuotantohälytys ohjataan päivystyspuhelimeen. | Jokainen tuotantohälytys ohjataan suoraan päivystyspuhelimeen. | Ohjaamme jokaisen tuotantohälytyksen päivystyspuhelimeen.
        I julkaisut :: Emme julkaise perjantai-iltapäivisin. | Ei julkaisuja perjantai-iltapäivisin. | Emme koskaan julkaise perjantai-iltapäivisin.
        I viestintä :: Kerromme asiakkaalle katkoksesta ennen kuin sen asiakkaat huomaavat. | Asiakas kuulee katkoksesta meiltä ennen kuin sen asiakkaat huomaavat. | Kerromme asiakkaalle jokaisesta katkoksesta ennen kuin sen asiakkaat huomaavat.
        I ylläpito :: Päivitämme ajo-ohjeen aina, kun palvelinympäristö muuttuu. | Ajo-ohje päivitetään aina, kun palvelinympäristö muuttuu. | Aina kun palvelinympäristö muuttuu, päivitämme ajo-ohjeen.
        S suunnittelu :: Emme aloita tarinaa ennen kuin sen suunnitelmat on hyväksytty. | Tarinaa ei koskaan aloiteta ennen kuin sen suunnitelmat on hyväksytty. | Tarinaa ei aloiteta ennen kuin sen suunnitelmat on hyväksytty.
        S laajuus :: Kirjoitamme hyväksymiskriteerit ennen kuin tarina tulee sprinttiin. | Hyväksymiskriteerit kirjoitetaan ennen kuin tarina tulee sprinttiin. | Ennen kuin tarina tulee sprinttiin, sille kirjoitetaan hyväksymiskriteerit.
        S keskittyminen :: Rajoitamme keskeneräisen työn kahteen tarinaan henkeä kohden. | Keskeneräinen työ rajoitetaan kahteen tarinaan henkeä kohden. | Keskeneräinen työ on rajoitettu kahteen tarinaan henkeä kohden.
        S palaute :: Kutsumme asiakkaan jokaiseen sprinttidemoon. | Asiakas kutsutaan jokaiseen sprinttidemoon. | Jokaiseen sprinttidemoon kutsutaan asiakas.
        S arviot :: Pilkomme jokaisen yli kolmen päivän tarinan. | Yli kolmen päivän tarinat pilkotaan. | Jokainen yli kolmen päivän tarina pilkotaan.
        S laatu :: Koodi katselmoidaan yhden työpäivän sisällä. | Katselmoimme kaiken koodin yhden työpäivän sisällä. | Koodin katselmointi tehdään yhden työpäivän sisällä.
    """,
)

RAW["hu"] = dict(
    days="hétfőn\nkedden\nszerdán\ncsütörtökön\npénteken",
    our_side="**A mi oldalunk:**",
    client_side="**Az ügyfél oldala:**",
    see_link="Lásd a [jegyzeteket]({url}).",
    title="{client}: {d}",
    sprint_title="{n}. sprint – visszatekintés",
    team="""
        Tóth Eszter | Eszter
        Szabó Gergely | Gergely
        Varga Zsófia | Zsófia
        Farkas Bence | Bence
        Kiss Dóra | Dóra
        Németh Ádám | Ádám
        Balogh Réka | Réka
        Papp Levente | Levente
        Takács Nóra | Nóra
        Juhász Márton | Márton
        Mészáros Lilla | Lilla
        Simon Kristóf | Kristóf
        Kovács Tamás | Tamás
    """,
    client_people="""
        Marketingigazgató
        Rendezvényszervező
        Informatikai vezető
        Horváth Anikó | kommunikációs vezető
        Molnár Zoltán | projektszponzor
        Fekete Judit | márkamenedzser
        Lakatos Péter | pénzügyi igazgató
    """,
    roles="ügyfélkapcsolati vezető\ntervező\nprojektmenedzser\nfejlesztő\nszövegíró\nkreatív igazgató",
    deliverables="""
        Konferencia-prezentáció
        Éves jelentés
        Weboldal-megújítás
        Termékbemutató videó
        Arculatfrissítés
        Kiállítási stand
        Befektetői prezentáció
        Hírlevél-újratervezés
    """,
    incident_titles="""
        Leállt a fizetési oldal
        Webáruház-leállás migráció után
        Kétszer kiküldött hírlevél
        Elveszett foglalási kérések
    """,
    ops_project="Üzemeltetés és karbantartás {year}",
    dev_project="Alkalmazásfejlesztés {year}",
    tags="határidő\nkommunikáció\nmegállapodás\nanyagok\nvisszajelzés\nterjedelem\nminőség\nköltségvetés\ntesztelés\nbrief",
    facts_us="""
        Szinte az egész délutánt azzal töltöttük, hogy eldöntsük, elvállaljuk-e a munkát.
        A terjedelmet, a határidőt és az oldalszámot telefonon beszéltük meg, írásban nem erősítettük meg.
        A javított változat {h}-kor ment el, mindössze {n2} perccel a határidő előtt.
        Azon a héten csak egy tervező volt szabad.
        {n1} nappal a tervezettnél később kezdtük a munkát.
        Az első vázlat {n2} oldalas lett, pedig a brief tizenkét oldalt kért.
        A költségvetési sorban ez állt: "< {n2} millió Ft" & senki sem kérdezte, honnan jön a szám.
        A végleges fájlok rossz mappába kerültek (`/shared/regi`).
        Újra felhasználtuk a tavalyi sablont, és nem ellenőriztük a számokat.
        A telefonos tesztelést kihagytuk, hogy nyerjünk egy napot.
    """,
    facts_client="""
        Az anyagokat {day} ígérték, de {n1} nappal később érkeztek.
        A vázlatra a megjegyzések az esemény napján reggel {h}-kor jöttek.
        Az igazgatóságnak bemutatott változatban két grafikonon még a tavalyi számok szerepeltek.
        Az ügyfél részéről hárman egymásnak ellentmondó megjegyzéseket küldtek.
        A brief kétszer változott a nyitó megbeszélés után.
        Az indulás időpontját {n1} nappal előrehozták.
        A tartalomkezelő rendszerhez csak a második héten kaptunk hozzáférést.
        A jóváhagyott keret {pct}%-kal kisebb volt az első árajánlatnál.
    """,
    lists="""
        Induláskor két dolog hiányzott:\\n- a logófájlok\\n- a végleges számok
        Az ügyfél megjegyzései ezt kérték:\\n- új szín a grafikonokhoz\\n- rövidebb címek\\n- másik borítókép
    """,
    emotions_us="""
        Egész hétvégén idegesek voltunk, mert vártuk az anyagokat, amelyek nem jöttek.
        Az első reakciónk a visszajelzésre csalódottság volt.
        A csapat nagyon csalódott volt, hogy a prezentáció késett.
        Kínos volt látni a cégünk nevét hibás diákon.
        A csapatban *feszültség* volt amiatt, hogy egyáltalán elvállaltuk a munkát.
        Megkönnyebbültünk, amikor az ügyfél beleegyezett a találkozóba.
    """,
    emotions_client="""
        Az ügyfél *dühös* volt, mert a javított változat túl későn érkezett.
        Az ügyfél úgy érezte, cserben hagyta egy partner, akiben megbízott.
        Az ügyfél csapata kínos helyzetbe került a saját partnerei előtt.
        Az ügyfél belefáradt abba, hogy folyton a haladás után kell érdeklődnie.
        Az ügyfél attól tartott, hogy az indulás megint csúszik.
        Az ügyfél szerint a "sürgős" szó nekünk egészen mást jelentett.
    """,
    mistakes_us="""
        Túl sokáig haboztunk, mielőtt elvállaltunk egy sürgős munkát. || Ha egy órán belül döntünk, az ügyfélnek fél nappal több ideje lett volna az anyagok összegyűjtésére.
        Nem erősítettük meg írásban a megállapodásokat. || Egy írásos visszaigazolás mindkét félre nézve kötelezővé tette volna az anyagok határidejét.
        Nem mondtuk meg, mibe kerül az anyagok késése. || Az ügyfél szűkíthette volna a terjedelmet, vagy időben küldhetett volna egy részt.
        {n1} napig csak írtunk, egyszer sem telefonáltunk. || Egy telefonhívás napokkal korábban felszínre hozta volna a csúszást.
        Elfogadtunk egy határidőt, amelyről tudtuk, hogy irreális. || Ha nemet mondunk, kisebb terjedelemben állapodtunk volna meg, amit jól meg tudtunk volna csinálni.
        Kihagytuk a belső ellenőrzést, hogy időt nyerjünk. || Egy második szempár még az ügyfél előtt észrevette volna a hibás számokat.
        Hagytuk nőni a terjedelmet a becslés módosítása nélkül. || Egy módosítási kérés láthatóvá tette volna a többletmunkát és annak árát.
        Nem kérdeztük meg, kié az utolsó szó az ügyfél oldalán. || Három helyett egy kör megjegyzést kaptunk volna.
    """,
    mistakes_client="""
        Csak {n1} nappal az esemény előtt kerestük meg az ügynökséget. || Kéthetes előzetes jelzéssel lett volna idő vázlatra, megjegyzésekre és javításra.
        Az anyagokat {day} ígértük, de később küldtük el. || Az ügynökségnek egy helyett három napja lett volna.
        A határidő napjának reggelén küldtük el a megjegyzéseinket. || Egy nappal korábbi megjegyzésekkel maradt volna idő a javításra.
        A nyitó megbeszélés után módosítottuk a briefet, és nem mondtuk meg, mennyi időbe kerül. || A tervet még aznap újra lehetett volna gondolni.
        Hárman küldtünk megjegyzéseket anélkül, hogy előbb egyeztettünk volna. || Az ügynökség egyetlen, világos változtatási listát kapott volna.
        Nem szóltunk, hogy az indulás dátuma megváltozott. || A munkát az új dátumhoz lehetett volna igazítani.
    """,
    positives="""
        Elvállaltuk a munkát, és olyat szállítottunk, amit az ügyfél valóban használt.
        Mindkét fél őszintén segíteni akart.
        Kevesebb mint egy nap alatt {n2} diát dolgoztunk át.
        Mindkét fél úgy jött az értékelésre, hogy kész változtatni a munkamódszerén.
        Az ügyfél partnerei megdicsérték a dizájnt.
        Senki nem adta fel, még hajnali {hn}-kor sem.
        A projekt közben megírt `checklist.md` már használatban van.
    """,
    differently_us="""
        Már aznap délután válaszolhattunk volna [a briefre](https://example.com/brief) a terjedelemmel és a határidőkkel, és kérhettük volna az ügyfél megerősítését.
        Megmondhattuk volna, milyen anyagokra van szükségünk és mikorra.
        Már az elején elmondhattuk volna, hogy az eredmény mindkét félen múlik.
        Telefonálhattunk volna ahelyett, hogy üzenetekre várunk.
        Visszautasíthattuk volna a határidőt, és kisebb terjedelmet javasolhattunk volna.
        Már a második napon megmutathattunk volna egy nyers vázlatot.
    """,
    differently_client="""
        Korábban megkereshettük volna az ügynökséget, már az esemény tervezésekor.
        Időben elküldhettük volna az anyagokat, vagy szólhattunk volna a késésről.
        Egy nappal korábban elküldhettük volna a megjegyzéseinket.
        Előbb házon belül egyeztethettük volna a megjegyzéseinket.
        Kijelölhettünk volna egy embert, akié az utolsó szó.
    """,
    remedies="""
        A három leggyengébb diát díjmentesen átdolgozzuk a következő esemény előtt.
        {pct}% kedvezmény a következő projektből.
        A teljes anyagot díjmentesen újra elkészítjük, minden megállapodást az első naptól írásban rögzítve.
        Ingyenes félnapos workshop az arculati kézikönyvről az ügyfél csapatának.
        A támogatási időszak meghosszabbítása {n1} hónappal, díjmentesen.
        Visszatérítjük a projekt sürgősségi felárát.
    """,
    actions="""
        kommunikáció :: Nagyjából 30 nappal a javítás után felhívjuk az ügyfelet, és megkérdezzük, beválik-e az új munkamódszer.
        megállapodás :: Minden projekt elejére beillesztjük a terjedelem, a határidők és az anyagok írásos visszaigazolását.
        visszajelzés :: A projektsablonba minden fő szakasz végére visszajelzéskérést teszünk.
        Díjmentesen leszállítjuk az átdolgozott változatot.
        Közös naptárat készítünk a következő projekt minden határidejével.
        Egyoldalas ellenőrzőlistát írunk a sürgős munkákhoz.
        Elküldjük az ügyfélnek az értékelés összefoglalóját és a lehetőségeket.
        tesztelés :: Minden kiadás előtt három telefonon teszteljük a webhelyet.
    """,
    timeline="""
        Az ügyfél a prezentáció sürgős átdolgozását kéri.
        Egy délutánnyi habozás után elvállaljuk; a terjedelmet telefonon beszéljük meg.
        Nyitó megbeszélés: a briefről beszélünk, de nem írjuk le.
        Az ígért anyagok nem érkeznek meg.
        Megérkeznek az anyagok; a munka elkezdődik, és egész éjjel tart.
        Az első vázlat elmegy az ügyfélnek.
        Megérkeznek az ügyfél megjegyzései a vázlatra.
        Elkészül és elmegy az ügyfélnek a javított változat.
        Lejár a határidő: az ügyfél a már meglévő változatot használja.
        Az ügyfél jelzi, hogy nem fog minket ajánlani.
    """,
    dialogue="""
        E-mailes válasz helyett személyes találkozót kértünk.
        {n1} nappal a határidő után találkoztunk az ügyfél csapatával.
        Nem tagadtuk, hogy a projekt kudarcot vallott, és nem próbáltuk visszanyerni az ügyfelet.
        Felajánlottuk, hogy közösen nézzük át a projektet, hogy mindkét fél tanuljon belőle.
        Az ügyfél beszélt először; meghallgattuk, majd visszamondtuk a fő pontokat, hogy jól értettük-e.
        A hívás {n2} percig tartott, és egy második találkozó időpontjával zárult.
    """,
    summary_us="""
        Egy sürgős kérés, amelyen haboztunk, amelyet elvállaltunk, majd nem tudtunk időben elkezdeni.
        Egy projekt, amely hétről hétre nőtt, miközben a határidő maradt.
        Egy munka, amelyre büszkék voltunk, de túl későn készült el.
    """,
    summary_client="""
        Egy megbízható partner késve és látható hibákkal szállított.
        A javított változat a határidő után érkezett, és az ügyfél azt mutatta be, ami volt.
        Az ügyfél több időt töltött érdeklődéssel, mint az anyag átnézésével.
    """,
    outcome="""
        A projekt kudarcot vallott, és a kudarc mindkét félé.
        Bocsánatot kértünk azért a változatért, amelyet az ügyfélnek be kellett mutatnia.
        A felkínált lehetőségek közül az ügyfél a díjmentes átdolgozást választotta.
        Az ügyfél beleegyezett, hogy egy hónap múlva újra találkozzunk, és megnézzük, beválnak-e a változások.
    """,
    outcome_bold="""
        **Hogy ne ismétlődjön meg**, minden megállapodást egy napon belül írásban megerősítünk.
        **Hogy gyorsabban megoldjuk, ha mégis megtörténik**, még aznap felhívjuk az ügyfelet, ha egy szállítás késik.
    """,
    internal="""
        {name} egyedül dolgozott egész éjjel a grafikonokon.
        {name} ellenezte a munka elvállalását, de leszavazták.
        {name} az utolsó héten beteg volt, és senki sem vette át az ügyfél e-mailjeit.
        A szabadúszó számlája {pct}%-kal haladta meg a becslést.
    """,
    leak="""
        {name} elfelejtette elküldeni a végleges fájlokat {day}.
        {name} a csapat megkérdezése nélkül ígért dátumot az ügyfélnek.
        {name} két napig nem adta tovább az ügyfél megjegyzéseit.
    """,
    inc_summary="""
        {n2} percen át a fizetési oldal minden kártyát elutasított, mert egy lejárt tanúsítvány maradt használatban a telepítés után.
        Az ügyfél webáruháza {n1} órára leállt egy adatbázis-migráció után.
        A hírlevél kétszer ment ki {n2} ezer feliratkozónak, mert egy újrapróbálkozás lefutott az időtúllépés után.
        A foglalási űrlap {n1} napig fogadta a kéréseket, de nem továbbította őket az ügyfél postafiókjába.
    """,
    inc_impact="""
        Körülbelül {n2}00 vásárló nem tudott fizetni a visszaállításig.
        {n2}0 rendelés elveszett, ezeket kézzel kellett újra rögzíteni.
        Az ügyfél ügyfélszolgálata aznap {n2}0 többlethívást kapott.
        Adat nem veszett el, de az ügyfél kampánya lekéste az indulási időablakot.
    """,
    inc_timeline="""
        Kimegy a telepítés.
        Az első riasztás hibákat jelez a pénztároldalon.
        Egy vásárló telefonon jelzi a hibát.
        Az ügyeletes fejlesztő vizsgálni kezdi a hibát.
        Meglesz az ok: a `cert.pem` lejárt.
        A telepítést visszavonjuk, a szolgáltatás helyreáll.
        Tájékoztatjuk az ügyfelet, mi történt és mikor javult meg.
    """,
    inc_factors="""
        A tanúsítvány lejáratát senki sem figyelte.
        A migrációt egy olyan másolaton teszteltük, amely a valós adatok {pct}%-át tartalmazta.
        Az újrapróbálkozásoknak nem volt felső korlátja.
        Az üzemeltetési leírás a régi szerverkörnyezetet írta le.
        Két riasztás olyan csatornába ment, amelyet senki sem figyelt.
    """,
    inc_detection="""
        Egy vásárló {n2} perccel az első riasztás előtt telefonon jelezte a hibát.
        A monitorozás {n1} percen belül észlelte a hibát.
        {n1} órán át senki sem vette észre, mert a hibaarány a riasztási küszöb alatt maradt.
    """,
    inc_resolution="""
        Visszavontuk a telepítést, és még aznap este megújítottuk a tanúsítványt.
        Visszaállítottuk az adatbázist az éjszakai mentésből, és újra rögzítettük a hiányzó rendeléseket.
        Leállítottuk az újrapróbálkozást, és bocsánatkérést küldtünk a feliratkozóknak.
    """,
    inc_well="""
        A visszaállítás {n1} percig tartott, kézi lépés nélkül.
        Az ügyfelet egy órán belül tájékoztattuk.
        A mentések frissek voltak, és hiba nélkül visszaálltak.
        Mindenki nyugodt maradt & egyetlen szálban jegyzetelt.
    """,
    inc_wrong="""
        A riasztás olyan csatornába ment, amelyet ebédidőben senki sem nézett.
        A műszerfal "OK"-t mutatott, miközben a kérések hibára futottak.
        {n2} percig tartott kideríteni, ki hagyhatja jóvá a visszaállítást.
        Az ügyfél a saját vásárlóitól hallott először a leállásról.
    """,
    inc_lucky="""
        Egy csendes kedden történt, nem a karácsonyi akció idején.
        A mentés {n1} perccel a migráció előtt fejeződött be.
        Egy fejlesztő véletlenül még későn is online volt, és észrevette a hibákat.
    """,
    inc_actions="""
        Riasztást állítunk be 30 nappal bármely tanúsítvány lejárata előtt.
        Az újrapróbálkozások számát háromra korlátozzuk.
        Újraírjuk az üzemeltetési leírást a jelenlegi környezetre.
        Minden éles riasztást az ügyeleti telefonra irányítunk.
        tesztelés :: A migrációkat teljes méretű adatmásolaton teszteljük.
    """,
    sp_summary="""
        Az új regisztrációs folyamat elkészült, a riportoldal viszont átcsúszott a következő sprintbe.
        A sprint célját elértük, {n1} feladat átkerült a következőbe.
        A sprint fele az előző kiadás hibáinak javítására ment el.
    """,
    sp_well="""
        A fizetési változtatásokon párban dolgoztunk, és két hibát még a kódellenőrzés előtt megtaláltunk.
        A napi állómegbeszélés {n2} percen belül maradt.
        Az ügyfél részt vett a demón, és azonnal visszajelzett.
        Az új tesztcsomag {n1} percen belül lefutott.
        A kódellenőrzések egy napon belül elkészültek.
    """,
    sp_badly="""
        A tervek két nappal a sprint kezdete után érkeztek, így a becslések csak találgatások voltak.
        Három feladat sokkal nagyobb volt, mint amilyennek látszott.
        A tesztszerver egy napig nem működött.
        Túl sok dologgal foglalkoztunk egyszerre.
        Az elfogadási kritériumokat a munka megkezdése után írtuk meg.
    """,
    sp_actions="""
        Megállapodunk a tervezőkkel egy tervátnézésről két nappal a sprinttervezés előtt.
        Minden {n1} napnál nagyobbra becsült feladatot felbontunk.
        Az elfogadási kritériumokat még a sprint előtt megírjuk.
        visszajelzés :: Az ügyféldemót minden sprint utolsó napjára tesszük.
    """,
    lessons="""
        C megállapodás :: Minden megállapodást egy napon belül írásban megerősítünk. | Minden megállapodást írásban erősítünk meg, egy napon belül. | Egy napon belül írásban megerősítünk minden megállapodást.
        C anyagok :: Már az elején megmondjuk, milyen anyagokra van szükségünk és mikorra. | Az elején megmondjuk, milyen anyagokra van szükségünk, és mikorra. | Már a projekt elején megmondjuk, milyen anyagokra van szükségünk és mikorra.
        C visszajelzés :: Minden fő szakasz végén visszajelzést kérünk. | Minden fő szakasz végén visszajelzést kérünk az ügyféltől. | A projekt minden fő szakaszának végén visszajelzést kérünk.
        C sürgős :: Két órán belül döntünk arról, elvállalunk-e egy sürgős munkát. | Egy sürgős munka elvállalásáról két órán belül döntünk. | Két órán belül döntünk, elvállalunk-e sürgős munkát.
        C kommunikáció :: Ha egy szállítás késik, még aznap felhívjuk az ügyfelet. | Még aznap felhívjuk az ügyfelet, ha egy ígért szállítás késik. | Ha késik a szállítás, aznap felhívjuk az ügyfelet.
        C felelősség :: Rögtön kimondjuk, hogy az eredményért közös a felelősség. | Már az elején kimondjuk, hogy az eredményért közös a felelősség. | Rögtön kimondjuk: az eredményért a felelősség közös.
        C terjedelem :: Minden terjedelemváltozásról írásos becslés készül a munka előtt. | Minden terjedelemváltozásról írásos becslést készítünk a munka előtt. | A munka előtt minden terjedelemváltozásról írásos becslés készül.
        C határidő :: Nem fogadunk el olyan határidőt, amelyről tudjuk, hogy irreális. | Soha nem fogadunk el olyan határidőt, amelyről tudjuk, hogy irreális. | Többé nem fogadunk el határidőt, amelyről tudjuk, hogy irreális.
        C minőség :: Minden szállítás belső ellenőrzésen megy át, mielőtt az ügyfélhez kerül. | Minden szállítás átmegy a belső ellenőrzésen, mielőtt az ügyfélhez kerül. | Minden szállítást belső ellenőrzésnek vetünk alá, mielőtt az ügyfélhez kerül.
        C kommunikáció :: A nyitó megbeszélésen mindkét fél kijelöl egy kapcsolattartót. | Mindkét fél egy kapcsolattartót jelöl ki a nyitó megbeszélésen. | A nyitó megbeszélésen mindkét fél kijelöl egyetlen kapcsolattartót.
        C visszajelzés :: Megállapodunk az ügyféllel, kié az utolsó szó a megjegyzésekben. | Már az elején megállapodunk az ügyféllel, kié az utolsó szó a megjegyzésekben. | Az ügyféllel megállapodunk, kié az utolsó szó a megjegyzésekről.
        C brief :: A briefet leírjuk, és még aznap visszaküldjük az ügyfélnek. | A briefet leírva még aznap visszaküldjük az ügyfélnek. | Még aznap leírjuk a briefet, és visszaküldjük az ügyfélnek.
        C kommunikáció :: Ha valami rosszul sül el, telefonon hívjuk az ügyfelet, nem e-mailt írunk. | Ha valami rosszul sül el, e-mail helyett telefonon hívjuk az ügyfelet. | Ha valami rosszul sül el, az ügyfelet telefonon hívjuk, nem e-mailben írunk.
        C tesztelés :: Minden webhelyet telefonon is tesztelünk átadás előtt. | Minden webhelyet átadás előtt telefonokon tesztelünk. | Átadás előtt minden webhelyet valódi telefonokon is tesztelünk.
        C tervezés :: Minden határidő előtt tartalék napot tervezünk. | Minden határidő előtt egy tartalék napot tervezünk. | A tervben minden határidő előtt van egy tartalék nap.
        C erőforrás :: Határidő miatt senki sem dolgozik egyedül egész éjjel. | Senki sem dolgozik egész éjjel egyedül egy határidő miatt. | Egy határidő miatt soha senki nem dolgozik egyedül egész éjjel.
        C vázlat :: Korán mutatunk nyers vázlatot, nem későn kész változatot. | Nyers vázlatot mutatunk korán, nem kész változatot későn. | Korán mutatjuk a nyers vázlatot, nem későn a kész változatot.
        C sablon :: Régi sablonok újrahasznosítása előtt ellenőrizzük a számokat. | Régi sablon újrahasznosítása előtt minden számot ellenőrzünk. | A régi sablonok számait újrahasznosítás előtt ellenőrizzük.
        I monitorozás :: Minden telepített tanúsítvány lejárati dátumát figyeljük. | Figyeljük minden telepített tanúsítvány lejárati dátumát. | Minden telepített tanúsítványnak figyeljük a lejárati dátumát.
        I tesztelés :: A migrációkat teljes méretű adatmásolaton teszteljük. | A migrációkat az éles adatok teljes méretű másolatán teszteljük. | Minden migrációt előbb teljes méretű adatmásolaton tesztelünk.
        I riasztás :: Minden éles riasztás az ügyeleti telefonra megy. | Minden éles riasztás az ügyeleti telefonra megy, nem csevegőcsatornába. | Minden éles riasztást az ügyeleti telefonra irányítunk.
        I telepítés :: Péntek délután nem telepítünk. | Péntek délutánonként nem telepítünk. | Soha nem telepítünk péntek délután.
        I kommunikáció :: Egy leállásról előbb szólunk az ügyfélnek, mint hogy a vásárlói észrevennék. | Az ügyfél tőlünk hall a leállásról, mielőtt a vásárlói észrevennék. | Minden leállásról szólunk az ügyfélnek, mielőtt a vásárlói észrevennék.
        I üzemeltetés :: Az üzemeltetési leírást minden szerverváltozáskor frissítjük. | Az üzemeltetési leírást frissítjük minden szerverváltozáskor. | Minden szerverváltozáskor frissül az üzemeltetési leírás.
        S tervezés :: Nem kezdünk el egy feladatot, amíg a tervei nincsenek elfogadva. | Egy feladatot sem kezdünk el, amíg a tervei nincsenek elfogadva. | Nem kezdünk bele egy feladatba, amíg a tervei nincsenek elfogadva.
        S terjedelem :: Az elfogadási kritériumokat mindig megírjuk, mielőtt a feladat a sprintbe kerül. | Az elfogadási kritériumokat megírjuk, mielőtt a feladat a sprintbe kerül. | Mielőtt egy feladat a sprintbe kerül, megírjuk az elfogadási kritériumait.
        S fókusz :: A folyamatban lévő munkát fejenként két feladatra korlátozzuk. | Fejenként két feladatra korlátozzuk a folyamatban lévő munkát. | A folyamatban lévő munka fejenként két feladatra van korlátozva.
        S visszajelzés :: Az ügyfelet minden sprintdemóra meghívjuk. | Minden sprintdemóra meghívjuk az ügyfelet. | Az ügyfelet mindig meghívjuk minden sprintdemóra.
        S becslés :: Minden három napnál nagyobbra becsült feladatot felbontunk. | A három napnál nagyobbra becsült feladatokat felbontjuk. | Minden három napnál nagyobbra becsült feladatot felbontunk a tervezés előtt.
        S minőség :: A kódot egy munkanapon belül átnézzük. | Minden kódot egy munkanapon belül átnézünk. | A kódot mindig egy munkanapon belül átnézzük.
    """,
)

RAW["ar"] = dict(
    days="الاثنين\nالثلاثاء\nالأربعاء\nالخميس\nالجمعة",
    our_side="**من جهتنا:**",
    client_side="**من جهة العميل:**",
    see_link="انظر [الملاحظات]({url}).",
    title="{d} – {client}",
    sprint_title="مراجعة الدورة {n}",
    team="""
        ليلى حداد | ليلى
        يوسف الخطيب | يوسف
        سلمى العلي | سلمى
        طارق بركات | طارق
        هالة يونس | هالة
        مازن قاسم | مازن
        دينا فرحات | دينا
        خالد الزين | خالد
        نادين عيسى | نادين
        سامي درويش | سامي
        رامي الحسيني | رامي
        لينا الصباغ | لينا
    """,
    client_people="""
        مدير التسويق
        منسقة الفعاليات
        مدير تقنية المعلومات
        سارة القحطاني | رئيسة قسم الاتصال
        فيصل العمري | راعي المشروع
        منى الشريف | مديرة العلامة التجارية
        عادل النجار | المدير المالي
    """,
    roles="مسؤول الحساب\nمصمم\nمدير المشروع\nمطوّر\nكاتب محتوى\nمدير فني",
    deliverables="""
        عرض المؤتمر
        التقرير السنوي
        إعادة إطلاق الموقع
        فيديو إطلاق المنتج
        تجديد الهوية البصرية
        جناح المعرض
        عرض المستثمرين
        تصميم النشرة البريدية
    """,
    incident_titles="""
        انقطاع صفحة الدفع
        توقف المتجر الإلكتروني بعد الترحيل
        إرسال النشرة البريدية مرتين
        نموذج الحجز فقد الطلبات
    """,
    ops_project="الاستضافة والصيانة {year}",
    dev_project="تطوير التطبيق {year}",
    tags="موعد-نهائي\nتواصل\nاتفاقات\nمواد\nملاحظات\nنطاق\nجودة\nميزانية\nاختبار",
    facts_us="""
        أمضينا معظم فترة بعد الظهر في التردد بشأن قبول العمل.
        اتفقنا على النطاق والمواعيد وعدد الصفحات هاتفيًا، ولم نؤكد ذلك كتابيًا.
        أُرسلت النسخة المصححة في الساعة {h}، قبل الموعد النهائي بـ{n2} دقيقة فقط.
        لم يكن متاحًا في ذلك الأسبوع سوى مصمم واحد.
        بدأنا العمل متأخرين {n1} أيام عن الخطة.
        جاءت المسودة الأولى في {n2} صفحة، بينما طلب الملخص اثنتي عشرة صفحة.
        كُتب في بند الميزانية "< {n2} ألف دولار" & لم يسأل أحد من أين جاء الرقم.
        رُفعت الملفات النهائية إلى المجلد الخطأ (`/shared/old`).
        أعدنا استخدام قالب العام الماضي دون مراجعة الأرقام.
        تخطينا اختبار الموقع على الهواتف لتوفير يوم.
    """,
    facts_client="""
        وُعدنا بالمواد يوم {day}، لكنها وصلت بعد {n1} أيام.
        وصلت ملاحظات العميل على المسودة في الساعة {h} صباح يوم الفعالية.
        النسخة التي عُرضت على مجلس الإدارة كانت لا تزال تحمل أرقام العام الماضي في رسمين بيانيين.
        أرسل ثلاثة أشخاص من جهة العميل ملاحظات متناقضة.
        تغيّر الملخص مرتين بعد اجتماع الانطلاق.
        قُدِّم موعد الإطلاق {n1} أيام.
        لم نحصل على صلاحية الدخول إلى نظام إدارة المحتوى إلا في الأسبوع الثاني.
        كانت الميزانية المعتمدة أقل من العرض الأول بنسبة {pct}٪.
    """,
    lists="""
        عند البدء كان ينقصنا أمران:\\n- ملفات الشعار\\n- الأرقام النهائية
        طلبت ملاحظات العميل:\\n- لونًا جديدًا للرسوم البيانية\\n- عناوين أقصر\\n- صورة غلاف مختلفة
    """,
    emotions_us="""
        كنا متوترين طوال عطلة نهاية الأسبوع ونحن ننتظر مواد لم تصل.
        كان ردّ فعلنا الأول على الملاحظات هو الخيبة.
        شعر الفريق بخيبة أمل كبيرة لأن العرض تأخر.
        أحرجنا أن نرى اسم شركتنا على شرائح فيها أخطاء.
        ساد الفريق *إحباط* لأننا قبلنا العمل أصلًا.
        شعرنا بالارتياح عندما وافق العميل على اللقاء.
    """,
    emotions_client="""
        كان العميل *غاضبًا جدًا* لأن النسخة المصححة وصلت متأخرة.
        شعر العميل بأن شريكًا وثق به قد خذله.
        شعر فريق العميل بالحرج أمام شركائه.
        تعب العميل من السؤال المتكرر عن سير العمل.
        خشي العميل أن يتأجل الإطلاق مرة أخرى.
        رأى العميل أن كلمة "عاجل" كانت تعني لنا شيئًا مختلفًا تمامًا.
    """,
    mistakes_us="""
        ترددنا طويلًا قبل قبول عمل عاجل. || لو قررنا خلال ساعة لكان لدى العميل نصف يوم إضافي لجمع المواد.
        لم نؤكد الاتفاقات كتابيًا. || كان التأكيد الكتابي سيجعل موعد تسليم المواد ملزمًا وواضحًا للطرفين.
        لم نوضح ما سيكلّفه تأخر المواد. || كان بإمكان العميل تقليص النطاق أو إرسال جزء من المواد في الوقت المحدد.
        اكتفينا بالرسائل {n1} أيام ولم نتصل مرة واحدة. || كانت مكالمة واحدة ستكشف التأخير قبل أيام.
        قبلنا موعدًا نهائيًا كنا نعرف أنه غير واقعي. || لو رفضنا لاتفقنا على نطاق أصغر ننجزه بجودة.
        تخطينا المراجعة الداخلية لتوفير الوقت. || كانت عين ثانية ستكتشف الأرقام الخاطئة قبل العميل.
        تركنا النطاق يتوسع دون تعديل التقدير. || كان طلب التغيير سيُظهر العمل الإضافي وتكلفته.
        لم نسأل من صاحب القرار الأخير لدى العميل. || كنا سنتلقى مجموعة ملاحظات واحدة بدل ثلاث.
    """,
    mistakes_client="""
        لم نتواصل مع الوكالة إلا قبل الفعالية بـ{n1} أيام. || لو أبلغنا قبل أسبوعين لكان هناك وقت لمسودة وملاحظات وتصحيح.
        وعدنا بإرسال المواد يوم {day} وأرسلناها متأخرة. || كان لدى الوكالة ثلاثة أيام بدل يوم واحد.
        أرسلنا ملاحظاتنا صباح يوم التسليم. || لو أرسلناها قبل يوم لبقي وقت لتصحيح المسودة.
        غيّرنا الملخص بعد الانطلاق دون أن نوضح أثر ذلك على الجدول. || كان يمكن تعديل الخطة في اليوم نفسه.
        تركنا ثلاثة أشخاص يعلّقون دون أن نتفق فيما بيننا أولًا. || كانت الوكالة ستتلقى قائمة تغييرات واحدة وواضحة.
        لم نخبر الوكالة بتغيّر موعد الإطلاق. || كان يمكن تخطيط العمل وفق الموعد الجديد.
    """,
    positives="""
        قبلنا العمل وسلّمنا شيئًا استخدمه العميل فعلًا.
        أبدى الطرفان رغبة حقيقية في المساعدة.
        أعدنا العمل على {n2} شريحة في أقل من يوم.
        جاء الطرفان إلى جلسة المراجعة مستعدين لتغيير طريقة العمل.
        أشاد شركاء العميل بالتصميم نفسه.
        لم يستسلم أحد، حتى في الساعة {hn} فجرًا.
        قائمة التحقق `checklist.md` التي كتبناها أثناء المشروع صارت مستخدمة.
    """,
    differently_us="""
        كان بإمكاننا الرد على [الملخص](https://example.com/brief) في العصر نفسه مع النطاق والمواعيد، وطلب تأكيد العميل.
        كان بإمكاننا أن نحدد المواد التي نحتاجها وموعد تسليمها.
        كان بإمكاننا أن نقول منذ البداية إن النتيجة تعتمد على الطرفين.
        كان بإمكاننا الاتصال بدل انتظار الرسائل.
        كان بإمكاننا رفض الموعد واقتراح نطاق أصغر.
        كان بإمكاننا عرض مسودة أولية في اليوم الثاني.
    """,
    differently_client="""
        كان بإمكاننا التواصل مع الوكالة مبكرًا، عند التخطيط للفعالية.
        كان بإمكاننا إرسال المواد في موعدها أو التنبيه إلى تأخرها.
        كان بإمكاننا إرسال ملاحظاتنا قبل يوم.
        كان بإمكاننا توحيد ملاحظاتنا داخليًا قبل إرسالها.
        كان بإمكاننا تعيين شخص واحد صاحب القرار الأخير.
    """,
    remedies="""
        إعادة العمل على أضعف ثلاث شرائح مجانًا قبل الفعالية القادمة.
        خصم بنسبة {pct}٪ على المشروع القادم.
        إعادة تنفيذ العمل كاملًا دون مقابل، مع تأكيد كل الاتفاقات كتابيًا من اليوم الأول.
        ورشة عمل مجانية لنصف يوم عن دليل الهوية لفريق العميل.
        تمديد فترة الدعم {n1} أشهر دون تكلفة.
        استرداد رسوم الاستعجال للمشروع.
    """,
    actions="""
        تواصل :: الاتصال بالعميل بعد نحو 30 يومًا من الإصلاح لسؤاله عن طريقة العمل الجديدة.
        اتفاقات :: إضافة تأكيد كتابي للنطاق والمواعيد والمواد في بداية كل مشروع.
        ملاحظات :: إضافة طلب ملاحظات في نهاية كل مرحلة رئيسية إلى قالب المشروع.
        تسليم النسخة المعدّلة دون مقابل.
        إعداد تقويم مشترك بجميع مواعيد المشروع القادم.
        كتابة قائمة تحقق من صفحة واحدة للأعمال العاجلة.
        إرسال ملخص هذه المراجعة والخيارات إلى العميل.
        اختبار :: اختبار الموقع على ثلاثة هواتف قبل كل إصدار.
    """,
    timeline="""
        يطلب العميل إعادة عاجلة للعرض التقديمي.
        بعد تردد طوال فترة بعد الظهر نقبل العمل؛ ويُتفق على النطاق هاتفيًا.
        اجتماع الانطلاق: نناقش الملخص دون أن نكتبه.
        المواد الموعودة لا تصل.
        تصل المواد؛ يبدأ العمل ويستمر طوال الليل.
        تُرسل المسودة الأولى إلى العميل.
        تصل ملاحظات العميل على المسودة.
        النسخة المصححة جاهزة وتُرسل إلى العميل.
        الموعد النهائي: يستخدم العميل النسخة التي لديه.
        يبلغنا العميل بأنه لن يوصي بنا.
    """,
    dialogue="""
        طلبنا لقاءً بدل الرد بالبريد الإلكتروني.
        التقينا فريق العميل بعد الموعد النهائي بـ{n1} أيام.
        لم ننكر أن المشروع فشل، ولم نحاول استعادة العميل.
        اقترحنا أن نراجع المشروع معًا ليتعلم منه الطرفان.
        تحدث العميل أولًا؛ استمعنا ثم أعدنا النقاط الرئيسية للتأكد من أننا فهمنا.
        استمرت المكالمة {n2} دقيقة وانتهت بموعد للقاء ثانٍ.
    """,
    summary_us="""
        طلب عاجل ترددنا فيه ثم قبلناه ولم نستطع البدء به في الوقت المحدد.
        مشروع كبر أسبوعًا بعد أسبوع بينما بقي الموعد النهائي كما هو.
        عمل نفخر به، لكنه سُلّم بعد فوات الأوان.
    """,
    summary_client="""
        وكالة موثوقة سلّمت متأخرة وبأخطاء واضحة.
        وصلت النسخة المصححة بعد الموعد، فعرض العميل ما كان لديه.
        قضى العميل وقتًا في السؤال عن سير العمل أكثر مما قضاه في مراجعته.
    """,
    outcome="""
        فشل المشروع، والفشل مسؤولية الطرفين.
        اعتذرنا عن النسخة التي اضطر العميل إلى عرضها.
        من بين الخيارات التي قدمناها اختار العميل إعادة العمل مجانًا.
        وافق العميل على لقاء جديد بعد شهر لنرى إن كانت التغييرات تنجح.
    """,
    outcome_bold="""
        **حتى لا يتكرر ذلك**، نؤكد كل اتفاق كتابيًا خلال يوم واحد.
        **ولنحلّ المشكلة أسرع إن تكررت**، نتصل بالعميل في اليوم نفسه الذي يتأخر فيه التسليم.
    """,
    internal="""
        كان العمل على الرسوم البيانية طوال الليل على عاتق {name} دون أي مساعدة.
        اعتراض {name} على قبول العمل لم يؤخذ به.
        غياب {name} بسبب المرض في الأسبوع الأخير ترك رسائل العميل دون رد.
        تجاوزت فاتورة المستقل التقدير بنسبة {pct}٪.
    """,
    leak="""
        كانت الملفات النهائية مسؤولية {name} ولم تُرسل يوم {day}.
        تأخر ردّ {name} على ملاحظات العميل يومين كاملين.
        الموعد الذي حصل عليه العميل جاء من {name} دون الرجوع إلى الفريق.
    """,
    inc_summary="""
        رفضت صفحة الدفع كل البطاقات لمدة {n2} دقيقة لأن شهادة منتهية الصلاحية بقيت قيد الاستخدام بعد النشر.
        توقف المتجر الإلكتروني للعميل {n1} ساعات بعد ترحيل قاعدة البيانات.
        أُرسلت النشرة البريدية مرتين إلى {n2} ألف مشترك بسبب إعادة محاولة بعد انتهاء المهلة.
        استقبل نموذج الحجز الطلبات {n1} أيام دون أن يرسلها إلى بريد العميل.
    """,
    inc_impact="""
        لم يتمكن نحو {n2}00 عميل من الدفع حتى التراجع عن النشر.
        فُقد {n2}0 طلبًا واضطر الفريق إلى إدخالها يدويًا.
        تلقى فريق الدعم لدى العميل {n2}0 مكالمة إضافية في ذلك اليوم.
        لم تُفقد أي بيانات، لكن حملة العميل فاتها موعد الإطلاق.
    """,
    inc_timeline="""
        يُنشر التحديث.
        أول تنبيه بأخطاء في صفحة الدفع.
        عميل يبلغ عن المشكلة هاتفيًا.
        يبدأ المطور المناوب التحقيق.
        يُعثر على السبب: انتهت صلاحية `cert.pem`.
        يُتراجع عن النشر وتعود الخدمة.
        يُبلَّغ العميل بما حدث وبموعد الإصلاح.
    """,
    inc_factors="""
        لم يكن تاريخ انتهاء الشهادة مراقبًا.
        اختُبر الترحيل على نسخة فيها {pct}٪ فقط من البيانات الحقيقية.
        لم يكن لإعادة المحاولة حد أقصى.
        كان دليل التشغيل يصف بيئة الاستضافة القديمة.
        ذهب تنبيهان إلى قناة لا يتابعها أحد.
    """,
    inc_detection="""
        أبلغ عميل عن المشكلة هاتفيًا قبل أول تنبيه بـ{n2} دقيقة.
        اكتشفت المراقبة المشكلة خلال {n1} دقائق.
        لم يلاحظ أحد المشكلة لمدة {n1} ساعات لأن نسبة الأخطاء بقيت دون حد التنبيه.
    """,
    inc_resolution="""
        تراجعنا عن النشر وجددنا الشهادة في المساء نفسه.
        استعدنا قاعدة البيانات من النسخة الاحتياطية الليلية وأعدنا إدخال الطلبات الناقصة.
        أوقفنا إعادة المحاولة وأرسلنا اعتذارًا إلى المشتركين.
    """,
    inc_well="""
        استغرق التراجع {n1} دقائق دون أي خطوة يدوية.
        أُبلغ العميل خلال ساعة.
        كانت النسخ الاحتياطية حديثة واستُعيدت دون مشاكل.
        حافظ الجميع على هدوئهم & دوّنوا الملاحظات في سلسلة واحدة.
    """,
    inc_wrong="""
        ذهب التنبيه إلى قناة لا يتابعها أحد وقت الغداء.
        أظهرت لوحة المتابعة "OK" بينما كانت الطلبات تفشل.
        استغرق الأمر {n2} دقيقة لمعرفة من يحق له الموافقة على التراجع.
        سمع العميل بالانقطاع من عملائه أولًا.
    """,
    inc_lucky="""
        حدث ذلك في يوم ثلاثاء هادئ، لا في موسم التخفيضات.
        انتهى النسخ الاحتياطي قبل الترحيل بـ{n1} دقائق.
        صادف أن أحد المطورين كان متصلًا في وقت متأخر فلاحظ الأخطاء.
    """,
    inc_actions="""
        إضافة تنبيه قبل 30 يومًا من انتهاء صلاحية أي شهادة.
        تحديد إعادة المحاولة بثلاث مرات.
        إعادة كتابة دليل التشغيل للبيئة الحالية.
        توجيه كل تنبيهات الإنتاج إلى هاتف المناوب.
        اختبار :: اختبار الترحيلات على نسخة كاملة الحجم من البيانات.
    """,
    sp_summary="""
        أنجزنا مسار التسجيل الجديد، أما صفحة التقارير فانتقلت إلى الدورة التالية.
        تحقق هدف الدورة، وانتقلت {n1} مهام إلى الدورة التالية.
        ذهب نصف الدورة في إصلاح أخطاء الإصدار السابق.
    """,
    sp_well="""
        كشف العمل الثنائي على تغييرات الدفع خطأين قبل المراجعة.
        بقي الاجتماع اليومي أقل من {n2} دقيقة.
        حضر العميل العرض وقدّم ملاحظاته فورًا.
        صارت الاختبارات الجديدة تعمل في أقل من {n1} دقائق.
        أُنجزت مراجعات الشيفرة خلال يوم.
    """,
    sp_badly="""
        وصلت التصاميم بعد يومين من بداية الدورة، فكانت التقديرات مجرد تخمين.
        كانت ثلاث مهام أكبر بكثير مما بدت.
        توقف خادم الاختبار يومًا كاملًا.
        عملنا على أشياء كثيرة في وقت واحد.
        كُتبت معايير القبول بعد بدء العمل.
    """,
    sp_actions="""
        الاتفاق مع المصممين على مراجعة التصاميم قبل التخطيط بيومين.
        تقسيم كل مهمة يزيد تقديرها على {n1} أيام.
        كتابة معايير القبول قبل دخول المهمة إلى الدورة.
        ملاحظات :: تحديد موعد العرض للعميل في آخر يوم من كل دورة.
    """,
    lessons="""
        C اتفاقات :: نؤكد كل اتفاق كتابيًا خلال يوم واحد. | كل اتفاق نؤكده كتابيًا خلال يوم واحد. | خلال يوم واحد نؤكد كتابيًا كل اتفاق.
        C مواد :: نحدد منذ البداية المواد التي نحتاجها وموعد تسليمها. | منذ البداية نحدد المواد التي نحتاجها وموعد تسليمها. | نحدد منذ بداية المشروع المواد التي نحتاجها وموعد تسليمها.
        C ملاحظات :: نطلب الملاحظات في نهاية كل مرحلة رئيسية. | في نهاية كل مرحلة رئيسية نطلب ملاحظات العميل. | نطلب الملاحظات دائمًا في نهاية كل مرحلة رئيسية من المشروع.
        C استعجال :: نقرر خلال ساعتين ما إذا كنا سنقبل العمل العاجل. | خلال ساعتين نقرر ما إذا كنا سنقبل العمل العاجل. | نقرر خلال ساعتين فقط ما إذا كنا سنقبل العمل العاجل.
        C تواصل :: إذا تأخر التسليم نتصل بالعميل في اليوم نفسه. | نتصل بالعميل في اليوم نفسه إذا تأخر التسليم الموعود. | إذا تأخر التسليم الموعود نتصل بالعميل في اليوم نفسه.
        C مسؤولية :: نقول منذ البداية إن المسؤولية عن النتيجة مشتركة. | منذ البداية نقول إن المسؤولية عن النتيجة مشتركة. | نقول منذ البداية إن المسؤولية عن النتيجة مشتركة بين الطرفين.
        C نطاق :: كل تغيير في النطاق يحصل على تقدير مكتوب قبل البدء. | يحصل كل تغيير في النطاق على تقدير مكتوب قبل البدء. | كل تغيير في النطاق يحصل قبل البدء على تقدير مكتوب.
        C مواعيد :: لا نقبل موعدًا نهائيًا نعرف أنه غير واقعي. | لا نقبل أبدًا موعدًا نهائيًا نعرف أنه غير واقعي. | لم نعد نقبل موعدًا نهائيًا نعرف أنه غير واقعي.
        C جودة :: كل تسليم يمر بمراجعة داخلية قبل أن يصل إلى العميل. | لا يصل أي تسليم إلى العميل دون مراجعة داخلية. | نراجع كل تسليم مراجعة داخلية قبل أن يصل إلى العميل.
        C تواصل :: يعيّن كل طرف شخص اتصال واحدًا في اجتماع الانطلاق. | في اجتماع الانطلاق يعيّن كل طرف شخص اتصال واحدًا. | في اجتماع الانطلاق يُعيَّن شخص اتصال واحد لكل طرف.
        C ملاحظات :: نتفق مع العميل على صاحب القرار الأخير في الملاحظات. | نتفق مع العميل منذ البداية على صاحب القرار الأخير في الملاحظات. | صاحب القرار الأخير في الملاحظات نتفق عليه مع العميل.
        C ملخص :: نكتب الملخص ونعيده إلى العميل في اليوم نفسه. | نكتب الملخص ثم نعيده إلى العميل في اليوم نفسه. | في اليوم نفسه نكتب الملخص ونعيده إلى العميل.
        C تواصل :: عندما يسوء أمر ما نتصل بالعميل هاتفيًا بدل البريد الإلكتروني. | إذا ساء أمر ما نتصل بالعميل هاتفيًا بدل البريد الإلكتروني. | عندما يسوء أمر ما نتصل بالعميل هاتفيًا ولا نستخدم البريد الإلكتروني.
        C اختبار :: نختبر كل موقع على الهواتف قبل التسليم. | يُختبر كل موقع على الهواتف قبل التسليم. | قبل التسليم نختبر كل موقع على هواتف حقيقية.
        C تخطيط :: نخطط يومًا احتياطيًا قبل كل موعد نهائي. | قبل كل موعد نهائي نخطط يومًا احتياطيًا. | نخطط دائمًا يومًا احتياطيًا قبل كل موعد نهائي.
        C موارد :: لا يعمل أحد طوال الليل وحده من أجل موعد نهائي. | من أجل موعد نهائي لا يعمل أحد طوال الليل وحده. | لا يعمل أحد أبدًا طوال الليل وحده من أجل موعد نهائي.
        C مسودات :: نعرض مسودة أولية مبكرًا بدل نسخة مكتملة متأخرة. | نعرض المسودات الأولية مبكرًا بدل النسخ المكتملة المتأخرة. | مسودة أولية مبكرة بدل نسخة مكتملة متأخرة.
        C قوالب :: نراجع أرقام القوالب القديمة قبل إعادة استخدامها. | قبل إعادة استخدام قالب قديم نراجع أرقامه. | تُراجع أرقام القوالب القديمة قبل إعادة استخدامها.
        I مراقبة :: نراقب تاريخ انتهاء صلاحية كل شهادة ننشرها. | كل شهادة ننشرها نراقب تاريخ انتهاء صلاحيتها. | نراقب تاريخ انتهاء الصلاحية لكل شهادة ننشرها.
        I اختبار :: نختبر الترحيلات على نسخة كاملة الحجم من البيانات. | تُختبر الترحيلات على نسخة كاملة الحجم من البيانات. | نختبر كل ترحيل أولًا على نسخة كاملة الحجم من البيانات.
        I تنبيهات :: كل تنبيه إنتاج يذهب إلى هاتف المناوب. | كل تنبيه إنتاج يذهب إلى هاتف المناوب لا إلى قناة دردشة. | نوجّه كل تنبيه إنتاج إلى هاتف المناوب.
        I نشر :: لا ننشر بعد ظهر يوم الجمعة. | لا نشر بعد ظهر يوم الجمعة. | لا ننشر أبدًا بعد ظهر يوم الجمعة.
        I تواصل :: نخبر العميل بالانقطاع قبل أن يلاحظه عملاؤه. | يعرف العميل بالانقطاع منا قبل أن يلاحظه عملاؤه. | نخبر العميل بكل انقطاع قبل أن يلاحظه عملاؤه.
        I تشغيل :: نحدّث دليل التشغيل كلما تغيرت الاستضافة. | يُحدَّث دليل التشغيل كلما تغيرت الاستضافة. | كلما تغيرت الاستضافة نحدّث دليل التشغيل.
        S تخطيط :: لا نبدأ مهمة قبل الاتفاق على تصاميمها. | لا تبدأ أي مهمة قبل الاتفاق على تصاميمها. | لا نبدأ أي مهمة قبل أن نتفق على تصاميمها.
        S نطاق :: نكتب معايير القبول قبل دخول المهمة إلى الدورة. | تُكتب معايير القبول قبل دخول المهمة إلى الدورة. | قبل دخول أي مهمة إلى الدورة نكتب معايير القبول.
        S تركيز :: نحدّ العمل الجاري بمهمتين لكل شخص. | يُحدّ العمل الجاري بمهمتين لكل شخص. | العمل الجاري محدود بمهمتين لكل شخص.
        S ملاحظات :: ندعو العميل إلى كل عرض في نهاية الدورة. | يُدعى العميل إلى كل عرض في نهاية الدورة. | ندعو العميل دائمًا إلى كل عرض في نهاية الدورة.
        S تقدير :: نقسّم كل مهمة يزيد تقديرها على ثلاثة أيام. | تُقسَّم كل مهمة يزيد تقديرها على ثلاثة أيام. | كل مهمة يزيد تقديرها على ثلاثة أيام نقسّمها.
        S جودة :: نراجع الشيفرة خلال يوم عمل واحد. | تُراجع الشيفرة خلال يوم عمل واحد. | نراجع كل تغيير في الشيفرة خلال يوم عمل واحد.
    """,
)

RAW["mn"] = dict(
    days="даваа гарагт\nмягмар гарагт\nлхагва гарагт\nпүрэв гарагт\nбаасан гарагт",
    our_side="**Бидний тал:**",
    client_side="**Үйлчлүүлэгчийн тал:**",
    see_link="[Тэмдэглэл]({url})-ийг үзнэ үү.",
    title="{client}: {d}",
    sprint_title="{n}-р спринтийн дүгнэлт",
    team="""
        Батбаяр Ганзориг | Батбаяр
        Оюунчимэг Дорж | Оюунчимэг
        Энхжаргал Болд | Энхжаргал
        Төмөрбаатар Сүхээ | Төмөрбаатар
        Сарангэрэл Пүрэв | Сарангэрэл
        Ганбаатар Очир | Ганбаатар
        Мөнхзул Батсүх | Мөнхзул
        Тэмүүлэн Амар | Тэмүүлэн
        Ариунаа Жаргал | Ариунаа
        Билгүүн Цэрэн | Билгүүн
        Золзаяа Бямба | Золзаяа
        Хулан Энхтөр | Хулан
    """,
    client_people="""
        Маркетингийн захирал
        Арга хэмжээний зохицуулагч
        Мэдээллийн технологийн албаны дарга
        Должин Бат | харилцааны менежер
        Төгсбаяр Лувсан | төслийн ивээн тэтгэгч
        Уянга Ганбат | брэндийн менежер
        Эрдэнэчимэг Сүрэн | санхүүгийн захирал
    """,
    roles="харилцагчийн менежер\nдизайнер\nтөслийн менежер\nхөгжүүлэгч\nкопирайтер\nуран сайхны удирдагч",
    deliverables="""
        Хурлын илтгэл
        Жилийн тайлан
        Вэбсайтын шинэчлэл
        Бүтээгдэхүүний нээлтийн видео
        Брэндийн шинэчлэл
        Үзэсгэлэнгийн павильон
        Хөрөнгө оруулагчдад зориулсан илтгэл
        Мэдээллийн товхимол
    """,
    incident_titles="""
        Төлбөрийн хуудасны тасалдал
        Шилжүүлгийн дараа онлайн дэлгүүр зогссон
        Товхимол хоёр удаа илгээгдсэн
        Захиалгын маягт хүсэлт алдсан
    """,
    ops_project="Хостинг ба засвар үйлчилгээ {year}",
    dev_project="Аппликейшн хөгжүүлэлт {year}",
    tags="хугацаа\nхарилцаа\nгэрээ\nматериал\nсанал-хүсэлт\nхамрах-хүрээ\nчанар\nтөсөв\nтуршилт",
    facts_us="""
        Ажлыг авах эсэхээ шийдэхэд бараг бүтэн үдээс хойш зарцуулсан.
        Хамрах хүрээ, хугацаа, хуудасны тоог утсаар тохирсон бөгөөд бичгээр баталгаажуулаагүй.
        Засварласан хувилбарыг {h} цагт, эцсийн хугацаанаас ердөө {n2} минутын өмнө илгээсэн.
        Тэр долоо хоногт ганцхан дизайнер чөлөөтэй байсан.
        Ажлыг төлөвлөснөөс {n1} хоног хоцорч эхэлсэн.
        Эхний ноорог {n2} хуудастай болсон, харин даалгаварт арван хоёр хуудас гэж заасан.
        Төсвийн мөрөнд "< {n2} сая ₮" гэж бичсэн байсан & хэн ч тоо хаанаас гарсныг асуугаагүй.
        Эцсийн файлуудыг буруу хавтсанд байршуулсан (`/shared/old`).
        Өнгөрсөн жилийн загварыг тоо баримтыг нь шалгалгүйгээр дахин ашигласан.
        Нэг хоног хэмнэхийн тулд утсан дээрх туршилтыг алгассан.
    """,
    facts_client="""
        Материалыг {day} өгнө гэж амласан ч {n1} хоногийн дараа ирсэн.
        Ноорогт өгөх санал арга хэмжээний өдрийн өглөө {h} цагт ирсэн.
        Удирдах зөвлөлд үзүүлсэн хувилбарт хоёр графикт өнгөрсөн жилийн тоо хэвээр байсан.
        Үйлчлүүлэгчийн талаас гурван хүн бие биетэйгээ зөрчилдсөн санал өгсөн.
        Эхлэлийн уулзалтын дараа даалгавар хоёр удаа өөрчлөгдсөн.
        Нээлтийн өдрийг {n1} хоногоор урагшлуулсан.
        Контентын системд нэвтрэх эрхийг зөвхөн хоёр дахь долоо хоногт олгосон.
        Батлагдсан төсөв анхны үнийн саналаас {pct}%-иар бага байсан.
    """,
    lists="""
        Эхлэхэд хоёр зүйл дутуу байсан:\\n- логоны файлууд\\n- эцсийн тоо баримт
        Үйлчлүүлэгчийн санал:\\n- графикийн шинэ өнгө\\n- илүү богино гарчиг\\n- өөр нүүр зураг
    """,
    emotions_us="""
        Ирэхгүй байгаа материалыг хүлээж амралтын өдрүүдэд сандарч байсан.
        Санал хүсэлтэд үзүүлсэн бидний анхны хариу үйлдэл бол урам хугарал байв.
        Илтгэл хоцорсонд баг маш их урам хугарсан.
        Алдаатай слайд дээр өөрсдийн компанийн нэрийг харахад ичмээр байсан.
        Ажлыг ер нь авсанд багийн дотор *бухимдал* байсан.
        Үйлчлүүлэгч уулзахыг зөвшөөрөхөд бид тайвширсан.
    """,
    emotions_client="""
        Засварласан хувилбар хэтэрхий оройтож ирсэнд үйлчлүүлэгч *маш их уурласан*.
        Итгэж байсан түнш нь урмыг нь хугалсан гэж үйлчлүүлэгч мэдэрсэн.
        Үйлчлүүлэгчийн баг өөрсдийн түншүүдийн өмнө эвгүй байдалд орсон.
        Ажлын явцыг байнга асууж лавлахаас үйлчлүүлэгч залхсан.
        Нээлт дахин хойшлох вий гэж үйлчлүүлэгч санаа зовсон.
        "Яаралтай" гэдэг үг бидэнд огт өөр утгатай байсан гэж үйлчлүүлэгч үзсэн.
    """,
    mistakes_us="""
        Яаралтай ажлыг авахаасаа өмнө хэт удаан эргэлзсэн. || Нэг цагийн дотор шийдсэн бол үйлчлүүлэгч материалаа цуглуулахад хагас өдрөөр илүү хугацаатай байх байсан.
        Тохиролцоогоо бичгээр баталгаажуулаагүй. || Бичгээр баталгаажуулсан бол материал ирүүлэх хугацаа хоёр талд заавал мөрдөх зүйл болох байсан.
        Материал хоцорвол ямар үр дагавартайг хэлээгүй. || Үйлчлүүлэгч хамрах хүрээг багасгах эсвэл материалын хэсгийг цагт нь илгээж болох байсан.
        {n1} хоног зөвхөн мессеж бичиж, нэг ч удаа утасдаагүй. || Нэг утасны дуудлага хоцрогдлыг хэдэн өдрийн өмнө ил гаргах байсан.
        Бодит бус гэдгийг мэдсээр байж эцсийн хугацааг хүлээн авсан. || Татгалзсан бол сайн хийж чадах жижиг хүрээнд тохирох байсан.
        Цаг хэмнэхийн тулд дотоод хяналтыг алгассан. || Хоёр дахь хүн шалгасан бол буруу тоог үйлчлүүлэгчээс өмнө олох байсан.
        Үнэлгээгээ өөрчлөхгүйгээр ажлын хүрээг тэлэхийг зөвшөөрсөн. || Өөрчлөлтийн хүсэлт нэмэлт ажил болон түүний өртгийг ил тод болгох байсан.
        Үйлчлүүлэгчийн талд эцсийн шийдвэрийг хэн гаргахыг асуугаагүй. || Гурван биш нэг багц санал авах байсан.
    """,
    mistakes_client="""
        Арга хэмжээнээс ердөө {n1} хоногийн өмнө агентлагт хандсан. || Хоёр долоо хоногийн өмнө хандсан бол ноорог, санал, засварт хангалттай хугацаа байх байсан.
        Материалыг {day} өгнө гэж амлаад хожуу илгээсэн. || Агентлагт нэг биш гурван хоног байх байсан.
        Саналаа эцсийн хугацааны өдрийн өглөө илгээсэн. || Нэг өдрийн өмнө илгээсэн бол засах хугацаа үлдэх байсан.
        Эхлэлийн дараа даалгавраа өөрчилсөн ч хугацаанд хэрхэн нөлөөлөхийг хэлээгүй. || Төлөвлөгөөг тэр өдөртөө шинэчилж болох байсан.
        Дотроо эхлээд тохиролцолгүйгээр гурван хүнээр санал өгүүлсэн. || Агентлаг нэг тодорхой өөрчлөлтийн жагсаалт авах байсан.
        Нээлтийн өдөр өөрчлөгдсөнийг агентлагт мэдэгдээгүй. || Ажлыг шинэ өдөрт тааруулан төлөвлөж болох байсан.
    """,
    positives="""
        Бид ажлыг авч, үйлчлүүлэгчийн бодитоор ашигласан бүтээгдэхүүнийг хүлээлгэн өгсөн.
        Хоёр тал хоёулаа туслах чин хүсэлтэй байсан.
        Нэг хүрэхгүй хоногт {n2} слайдыг дахин боловсруулсан.
        Хоёр тал ажлын арга барилаа өөрчлөхөд бэлэн ирсэн.
        Үйлчлүүлэгчийн түншүүд дизайныг өндрөөр үнэлсэн.
        Шөнийн {hn} цагт ч хэн ч бууж өгөөгүй.
        Төслийн явцад бичсэн `checklist.md` аль хэдийн хэрэглэгдэж байна.
    """,
    differently_us="""
        [Даалгаварт](https://example.com/brief) тэр өдрийн үдээс хойш хамрах хүрээ, хугацаатай нь хариулж, үйлчлүүлэгчээр баталгаажуулж болох байсан.
        Ямар материал хэзээ хэрэгтэйг тодорхой хэлж болох байсан.
        Үр дүн хоёр талаас хамаарна гэдгийг эхнээс нь хэлж болох байсан.
        Мессеж хүлээхийн оронд утасдаж болох байсан.
        Хугацаанаас татгалзаж, илүү жижиг хүрээ санал болгож болох байсан.
        Хоёр дахь өдөр нь бүдүүвч ноорог үзүүлж болох байсан.
    """,
    differently_client="""
        Арга хэмжээг төлөвлөж эхлэхэд агентлагт эрт хандаж болох байсан.
        Материалыг цагт нь илгээх, эсвэл хоцрохыг урьдчилан мэдэгдэж болох байсан.
        Саналаа нэг өдрийн өмнө илгээж болох байсан.
        Саналаа илгээхээсээ өмнө дотроо нэгтгэж болох байсан.
        Эцсийн шийдвэр гаргах нэг хүнийг томилж болох байсан.
    """,
    remedies="""
        Дараагийн арга хэмжээний өмнө хамгийн сул гурван слайдыг үнэгүй засна.
        Дараагийн төсөлд {pct}%-ийн хөнгөлөлт.
        Бүх ажлыг төлбөргүйгээр дахин хийж, бүх тохиролцоог эхний өдрөөс бичгээр баталгаажуулна.
        Үйлчлүүлэгчийн багт брэндийн гарын авлагын талаар хагас өдрийн үнэгүй сургалт.
        Дэмжлэгийн хугацааг {n1} сараар үнэгүй сунгана.
        Төслийн яаралтай ажлын нэмэгдэл төлбөрийг буцаана.
    """,
    actions="""
        харилцаа :: Засвар хийснээс хойш 30 орчим хоногийн дараа үйлчлүүлэгч рүү утасдаж, шинэ ажлын арга тохирч байгаа эсэхийг асуух.
        гэрээ :: Төсөл бүрийн эхэнд хамрах хүрээ, хугацаа, материалын бичгэн баталгаажуулалт нэмэх.
        санал-хүсэлт :: Төслийн загварт үндсэн үе шат бүрийн төгсгөлд санал хүсэх алхам нэмэх.
        Засварласан хувилбарыг төлбөргүй хүлээлгэн өгөх.
        Дараагийн төслийн бүх хугацааг багтаасан хамтын хуанли гаргах.
        Яаралтай ажилд зориулсан нэг хуудас шалгах хуудас бичих.
        Энэ дүгнэлт болон сонголтуудын хураангуйг үйлчлүүлэгчид илгээх.
        туршилт :: Хувилбар бүрийн өмнө вэбсайтыг гурван утсан дээр турших.
    """,
    timeline="""
        Үйлчлүүлэгч илтгэлийг яаралтай засварлахыг хүснэ.
        Үдээс хойш эргэлзсэний эцэст ажлыг авна; хамрах хүрээг утсаар тохирно.
        Эхлэлийн уулзалт: даалгаврыг ярилцсан ч бичиж тэмдэглээгүй.
        Амласан материал ирэхгүй байна.
        Материал ирж, ажил эхэлж шөнөжин үргэлжилнэ.
        Эхний ноорог үйлчлүүлэгчид илгээгдэнэ.
        Ноорогт өгсөн үйлчлүүлэгчийн санал ирнэ.
        Засварласан хувилбар бэлэн болж үйлчлүүлэгчид илгээгдэнэ.
        Эцсийн хугацаа: үйлчлүүлэгч өөрт байсан хувилбараа ашиглана.
        Үйлчлүүлэгч биднийг хэнд ч санал болгохгүй гэдгээ мэдэгдэнэ.
    """,
    dialogue="""
        Имэйлээр хариулахын оронд уулзалт хийхийг хүссэн.
        Эцсийн хугацаанаас {n1} хоногийн дараа үйлчлүүлэгчийн багтай уулзсан.
        Төсөл бүтэлгүйтсэнийг үгүйсгээгүй, үйлчлүүлэгчийг эргүүлэн татах гэж оролдоогүй.
        Хоёр тал хоёулаа сургамж авахын тулд төслийг хамтдаа эргэн харахыг санал болгосон.
        Үйлчлүүлэгч эхэлж ярьсан; бид сонсоод, зөв ойлгосон эсэхээ шалгахын тулд гол санааг давтан хэлсэн.
        Утасны яриа {n2} минут үргэлжилж, хоёр дахь уулзалтын товоор өндөрлөсөн.
    """,
    summary_us="""
        Бид эргэлзэж байгаад авсан яаралтай хүсэлт, гэвч цагт нь эхэлж чадаагүй.
        Эцсийн хугацаа хэвээр байхад долоо хоног бүр томорсон төсөл.
        Бидний бахархдаг боловч хэтэрхий оройтож дууссан ажил.
    """,
    summary_client="""
        Итгэдэг агентлаг нь хоцорч, илт алдаатай хүлээлгэн өгсөн.
        Засварласан хувилбар эцсийн хугацааны дараа ирж, үйлчлүүлэгч байгаагаараа танилцуулсан.
        Үйлчлүүлэгч ажлыг хянахаас илүү явцыг лавлахад цаг зарцуулсан.
    """,
    outcome="""
        Төсөл бүтэлгүйтсэн бөгөөд бүтэлгүйтэл хоёр талын хариуцлага.
        Үйлчлүүлэгчийн танилцуулахаас өөр аргагүй болсон хувилбарын төлөө уучлал гуйсан.
        Бидний санал болгосон хувилбаруудаас үйлчлүүлэгч үнэгүй дахин хийлгэхийг сонгосон.
        Өөрчлөлтүүд үр дүнтэй эсэхийг харахаар нэг сарын дараа дахин уулзахаар үйлчлүүлэгч зөвшөөрсөн.
    """,
    outcome_bold="""
        **Дахин давтагдахгүйн тулд** тохиролцоо бүрийг нэг өдрийн дотор бичгээр баталгаажуулна.
        **Давтагдвал илүү хурдан шийдэхийн тулд** хүлээлгэн өгөлт хоцорсон өдөр нь үйлчлүүлэгч рүү утасдана.
    """,
    internal="""
        {name} графикууд дээр шөнөжин ганцаараа ажилласан.
        {name} ажлыг авахыг эсэргүүцсэн ч санал нь хүлээн авагдаагүй.
        {name} сүүлийн долоо хоногт өвчтэй байсан бөгөөд үйлчлүүлэгчийн имэйлд хэн ч хариулаагүй.
        Гэрээт ажилтны нэхэмжлэх тооцооноос {pct}%-иар давсан.
    """,
    leak="""
        {name} эцсийн файлуудыг {day} илгээхээ мартсан.
        {name} багаас асуулгүйгээр үйлчлүүлэгчид огноо амласан.
        {name} үйлчлүүлэгчийн саналыг хоёр хоног дамжуулаагүй.
    """,
    inc_summary="""
        Байршуулалтын дараа хугацаа нь дууссан сертификат ашиглагдсаар байсан тул {n2} минутын турш төлбөрийн хуудас бүх картыг татгалзсан.
        Өгөгдлийн сангийн шилжүүлгийн дараа үйлчлүүлэгчийн онлайн дэлгүүр {n1} цаг ажиллаагүй.
        Хугацаа хэтэрсний дараа дахин оролдлого ажилласан тул мэдээллийн товхимол {n2} мянган захиалагчид хоёр удаа очсон.
        Захиалгын маягт {n1} хоногийн турш хүсэлт хүлээн авсан ч үйлчлүүлэгчийн шуудан руу дамжуулаагүй.
    """,
    inc_impact="""
        Буцаах хүртэл ойролцоогоор {n2}00 хэрэглэгч төлбөр төлж чадаагүй.
        {n2}0 захиалга алга болж, гараар дахин оруулах шаардлагатай болсон.
        Тэр өдөр үйлчлүүлэгчийн тусламжийн алба {n2}0 нэмэлт дуудлага хүлээн авсан.
        Өгөгдөл алдагдаагүй ч үйлчлүүлэгчийн кампанит ажил нээлтийн хугацаагаа алдсан.
    """,
    inc_timeline="""
        Шинэчлэлт байршуулагдана.
        Төлбөрийн хуудсан дээрх алдааны анхны сэрэмжлүүлэг ирнэ.
        Нэг хэрэглэгч асуудлыг утсаар мэдэгдэнэ.
        Жижүүр хөгжүүлэгч шалгаж эхэлнэ.
        Шалтгаан олдоно: `cert.pem`-ийн хугацаа дууссан байв.
        Байршуулалтыг буцааж, үйлчилгээ сэргэнэ.
        Юу болсон, хэзээ засагдсаныг үйлчлүүлэгчид мэдэгдэнэ.
    """,
    inc_factors="""
        Сертификатын хугацаа дуусахыг хянаагүй.
        Шилжүүлгийг бодит өгөгдлийн ердөө {pct}%-тай хуулбар дээр туршсан.
        Дахин оролдлогод дээд хязгаар байгаагүй.
        Ашиглалтын заавар хуучин орчныг тайлбарласан хэвээр байсан.
        Хоёр сэрэмжлүүлэг хэн ч хардаггүй суваг руу очсон.
    """,
    inc_detection="""
        Анхны сэрэмжлүүлгээс {n2} минутын өмнө нэг хэрэглэгч утсаар мэдэгдсэн.
        Хяналтын систем {n1} минутын дотор илрүүлсэн.
        Алдааны түвшин сэрэмжлүүлгийн босгоос доогуур байсан тул {n1} цагийн турш хэн ч анзаараагүй.
    """,
    inc_resolution="""
        Байршуулалтыг буцааж, тэр орой нь сертификатыг шинэчилсэн.
        Өгөгдлийн санг шөнийн нөөц хуулбараас сэргээж, дутуу захиалгуудыг дахин оруулсан.
        Дахин оролдлогыг зогсоож, захиалагчдад уучлал гуйсан захидал илгээсэн.
    """,
    inc_well="""
        Буцаалт {n1} минут үргэлжилж, гар ажиллагаа шаардаагүй.
        Үйлчлүүлэгчид нэг цагийн дотор мэдэгдсэн.
        Нөөц хуулбарууд шинэ байсан бөгөөд асуудалгүй сэргэсэн.
        Бүгд тайван байж & нэг урсгалд тэмдэглэл хөтөлсөн.
    """,
    inc_wrong="""
        Сэрэмжлүүлэг үдийн цайны үеэр хэн ч хардаггүй суваг руу очсон.
        Хүсэлтүүд алдаатай байхад хяналтын самбар "OK" гэж харуулсан.
        Буцаалтыг хэн зөвшөөрөхийг олоход {n2} минут зарцуулсан.
        Үйлчлүүлэгч тасалдлын талаар эхлээд өөрийн хэрэглэгчдээс сонссон.
    """,
    inc_lucky="""
        Энэ нь хямдралын үеэр биш, нам гүм мягмар гарагт тохиосон.
        Нөөц хуулбар шилжүүлгээс {n1} минутын өмнө дууссан байсан.
        Нэг хөгжүүлэгч санамсаргүйгээр оройтож онлайн байгаад алдааг анзаарсан.
    """,
    inc_actions="""
        Аливаа сертификатын хугацаа дуусахаас 30 хоногийн өмнө сэрэмжлүүлэг нэмэх.
        Дахин оролдлогыг гурван удаагаар хязгаарлах.
        Одоогийн орчинд зориулж ашиглалтын зааврыг дахин бичих.
        Бүх үйлдвэрлэлийн сэрэмжлүүлгийг жижүүрийн утас руу чиглүүлэх.
        туршилт :: Шилжүүлгийг өгөгдлийн бүрэн хэмжээний хуулбар дээр турших.
    """,
    sp_summary="""
        Шинэ бүртгэлийн урсгалыг хүлээлгэн өгсөн ч тайлангийн хуудас дараагийн спринт рүү шилжсэн.
        Спринтийн зорилго биелж, {n1} ажил дараагийн спринт рүү шилжсэн.
        Спринтийн тал нь өмнөх хувилбарын алдааг засахад зарцуулагдсан.
    """,
    sp_well="""
        Төлбөрийн өөрчлөлт дээр хосоороо ажилласнаар хяналтаас өмнө хоёр алдаа олсон.
        Өдөр тутмын уулзалт {n2} минутаас хэтрээгүй.
        Үйлчлүүлэгч үзүүлэнд оролцож, шууд санал өгсөн.
        Шинэ тестүүд {n1} минут хүрэхгүй хугацаанд ажилласан.
        Кодын хяналт нэг өдрийн дотор хийгдсэн.
    """,
    sp_badly="""
        Спринт эхэлснээс хоёр хоногийн дараа дизайн ирсэн тул тооцоолол таамаг төдий байсан.
        Гурван ажил харагдаж байснаас хамаагүй том байсан.
        Туршилтын сервер нэг өдөр ажиллаагүй.
        Хэт олон зүйл дээр зэрэг ажилласан.
        Хүлээн авах шалгуурыг ажил эхэлсний дараа бичсэн.
    """,
    sp_actions="""
        Төлөвлөлтөөс хоёр хоногийн өмнө дизайны хяналт хийхээр дизайнеруудтай тохирох.
        {n1} хоногоос дээш тооцоолсон ажил бүрийг хуваах.
        Ажлыг спринтэд оруулахаас өмнө хүлээн авах шалгуурыг бичих.
        санал-хүсэлт :: Спринт бүрийн сүүлийн өдөр үйлчлүүлэгчид үзүүлэх уулзалт товлох.
    """,
    lessons="""
        C гэрээ :: Бид тохиролцоо бүрийг нэг өдрийн дотор бичгээр баталгаажуулна. | Тохиролцоо бүрийг нэг өдрийн дотор бичгээр баталгаажуулна. | Нэг өдрийн дотор тохиролцоо бүрийг бичгээр баталгаажуулна.
        C материал :: Ямар материал хэзээ хэрэгтэйг эхнээс нь хэлнэ. | Эхнээс нь ямар материал хэзээ хэрэгтэйг хэлнэ. | Ямар материал хэзээ хэрэгтэйг бид эхнээс нь тодорхой хэлнэ.
        C санал-хүсэлт :: Үндсэн үе шат бүрийн төгсгөлд санал хүсэлт авна. | Үндсэн үе шат бүрийн төгсгөлд үйлчлүүлэгчээс санал хүсэлт авна. | Төслийн үндсэн үе шат бүрийн төгсгөлд санал хүсэлт авна.
        C яаралтай :: Яаралтай ажлыг авах эсэхээ хоёр цагийн дотор шийднэ. | Хоёр цагийн дотор яаралтай ажлыг авах эсэхээ шийднэ. | Яаралтай ажлыг авах эсэхийг хоёр цагийн дотор шийднэ.
        C харилцаа :: Хүлээлгэн өгөлт хоцорвол тэр өдөртөө үйлчлүүлэгч рүү утасдана. | Амласан хүлээлгэн өгөлт хоцорвол тэр өдөртөө үйлчлүүлэгч рүү утасдана. | Тэр өдөртөө үйлчлүүлэгч рүү утасдана, хэрэв хүлээлгэн өгөлт хоцорвол.
        C хариуцлага :: Үр дүнгийн хариуцлага хамтын гэдгийг шууд хэлнэ. | Үр дүнгийн хариуцлага хамтын гэдгийг эхнээс нь шууд хэлнэ. | Үр дүнгийн хариуцлага хоёр талын хамтын гэдгийг шууд хэлнэ.
        C хамрах-хүрээ :: Хамрах хүрээний өөрчлөлт бүрт ажил эхлэхээс өмнө бичгэн үнэлгээ гаргана. | Хамрах хүрээний өөрчлөлт бүрт эхлэхээс өмнө бичгэн үнэлгээ гаргана. | Ажил эхлэхээс өмнө хамрах хүрээний өөрчлөлт бүрт бичгэн үнэлгээ гаргана.
        C хугацаа :: Бодит бус гэдгийг мэдэж байгаа хугацааг хүлээн авахгүй. | Бодит бус гэдгийг мэдэж байгаа хугацааг хэзээ ч хүлээн авахгүй. | Бодит бус гэдгийг мэдэж байгаа эцсийн хугацааг цаашид хүлээн авахгүй.
        C чанар :: Хүлээлгэн өгөх зүйл бүр үйлчлүүлэгчид очихоос өмнө дотоод хяналтаар орно. | Үйлчлүүлэгчид очихоос өмнө хүлээлгэн өгөх зүйл бүр дотоод хяналтаар орно. | Хүлээлгэн өгөх бүх зүйл үйлчлүүлэгчид очихоос өмнө дотоод хяналтаар орно.
        C харилцаа :: Эхлэлийн уулзалтаар тал бүр нэг холбоо барих хүн томилно. | Тал бүр эхлэлийн уулзалтаар нэг холбоо барих хүн томилно. | Эхлэлийн уулзалт дээр тал бүр нэг холбоо барих хүн томилно.
        C санал-хүсэлт :: Санал дээр эцсийн шийдвэрийг хэн гаргахыг үйлчлүүлэгчтэй тохирно. | Эцсийн шийдвэрийг хэн гаргахыг эхнээс нь үйлчлүүлэгчтэй тохирно. | Санал дээр эцсийн шийдвэрийг хэн гаргахыг үйлчлүүлэгчтэйгээ тохирно.
        C даалгавар :: Даалгаврыг бичиж тэмдэглээд тэр өдөртөө үйлчлүүлэгчид буцааж илгээнэ. | Даалгаврыг бичиж тэмдэглэн, тэр өдөртөө үйлчлүүлэгчид буцааж илгээнэ. | Бичиж тэмдэглэсэн даалгаврыг тэр өдөртөө үйлчлүүлэгчид буцааж илгээнэ.
        C харилцаа :: Ямар нэг зүйл буруудвал имэйл бичихгүй, үйлчлүүлэгч рүү утасдана. | Ямар нэг зүйл буруудвал имэйлийн оронд үйлчлүүлэгч рүү утасдана. | Ямар нэг зүйл буруудвал үйлчлүүлэгч рүү утасдана, имэйл бичихгүй.
        C туршилт :: Вэбсайт бүрийг хүлээлгэн өгөхөөс өмнө утсан дээр туршина. | Хүлээлгэн өгөхөөс өмнө вэбсайт бүрийг утсан дээр туршина. | Хүлээлгэн өгөхөөс өмнө вэбсайт бүрийг жинхэнэ утсан дээр туршина.
        C төлөвлөлт :: Эцсийн хугацаа бүрийн өмнө нэг нөөц өдөр төлөвлөнө. | Эцсийн хугацаа бүрийн өмнө төлөвлөгөөнд нэг нөөц өдөр төлөвлөнө. | Эцсийн хугацаа бүрийн өмнө заавал нэг нөөц өдөр төлөвлөнө.
        C нөөц :: Эцсийн хугацааны улмаас хэн ч шөнөжин ганцаараа ажиллахгүй. | Хэн ч эцсийн хугацааны улмаас шөнөжин ганцаараа ажиллахгүй. | Эцсийн хугацааны улмаас хэн ч хэзээ ч шөнөжин ганцаараа ажиллахгүй.
        C ноорог :: Хожуу бэлэн хувилбарын оронд эрт бүдүүвч ноорог үзүүлнэ. | Бүдүүвч ноорог эрт үзүүлнэ, бэлэн хувилбарыг хожуу биш. | Бэлэн хувилбарыг хожуу биш, бүдүүвч ноорог эрт үзүүлнэ.
        C загвар :: Хуучин загварыг дахин ашиглахаас өмнө тоог нь шалгана. | Хуучин загварыг дахин ашиглахаас өмнө доторх тоо бүрийг шалгана. | Хуучин загварын тоог дахин ашиглахаас өмнө шалгана.
        I хяналт :: Байршуулсан сертификат бүрийн хугацаа дуусах огноог хянана. | Байршуулсан сертификат бүрийн хугацаа дуусах огноо хяналтад байна. | Сертификат бүрийн хугацаа дуусах огноог байршуулахдаа хянана.
        I туршилт :: Шилжүүлгийг өгөгдлийн бүрэн хэмжээний хуулбар дээр туршина. | Шилжүүлэг бүрийг өгөгдлийн бүрэн хэмжээний хуулбар дээр туршина. | Шилжүүлэг бүрийг эхлээд өгөгдлийн бүрэн хэмжээний хуулбар дээр туршина.
        I сэрэмжлүүлэг :: Үйлдвэрлэлийн сэрэмжлүүлэг бүр жижүүрийн утас руу очно. | Үйлдвэрлэлийн сэрэмжлүүлэг бүр чат руу биш жижүүрийн утас руу очно. | Үйлдвэрлэлийн сэрэмжлүүлэг бүрийг жижүүрийн утас руу чиглүүлнэ.
        I байршуулалт :: Баасан гарагийн үдээс хойш байршуулахгүй. | Баасан гарагт үдээс хойш байршуулахгүй. | Баасан гарагийн үдээс хойш хэзээ ч байршуулахгүй.
        I харилцаа :: Тасалдлын талаар үйлчлүүлэгчийн хэрэглэгчдээс өмнө үйлчлүүлэгчид мэдэгдэнэ. | Тасалдлын талаар хэрэглэгчдээс нь өмнө үйлчлүүлэгчид мэдэгдэнэ. | Тасалдал бүрийн талаар үйлчлүүлэгчид хэрэглэгчдээс нь өмнө мэдэгдэнэ.
        I ашиглалт :: Орчин өөрчлөгдөх бүрд ашиглалтын зааврыг шинэчилнэ. | Ашиглалтын зааврыг орчин өөрчлөгдөх бүрд шинэчилнэ. | Орчин өөрчлөгдөх болгонд ашиглалтын зааврыг шинэчилнэ.
        S төлөвлөлт :: Дизайн нь батлагдаагүй ажлыг эхлүүлэхгүй. | Дизайн нь батлагдаагүй ямар ч ажлыг эхлүүлэхгүй. | Дизайн нь батлагдаагүй байхад ажлыг эхлүүлэхгүй.
        S хамрах-хүрээ :: Ажлыг спринтэд оруулахаас өмнө хүлээн авах шалгуурыг бичнэ. | Хүлээн авах шалгуурыг ажлыг спринтэд оруулахаас өмнө бичнэ. | Ажил бүрийг спринтэд оруулахаас өмнө хүлээн авах шалгуурыг нь бичнэ.
        S төвлөрөл :: Хийгдэж буй ажлыг нэг хүнд хоёроор хязгаарлана. | Нэг хүнд хийгдэж буй ажлыг хоёроор хязгаарлана. | Хийгдэж буй ажлыг нэг хүн бүрт хоёроор хязгаарлана.
        S санал-хүсэлт :: Спринтийн үзүүлэн бүрд үйлчлүүлэгчийг урина. | Үйлчлүүлэгчийг спринтийн үзүүлэн бүрд урина. | Спринтийн үзүүлэн бүрд үйлчлүүлэгчийг заавал урина.
        S тооцоолол :: Гурван хоногоос дээш тооцоолсон ажил бүрийг хуваана. | Гурван хоногоос дээш тооцоолсон ажлуудыг хуваана. | Гурван хоногоос дээш тооцоолсон ажил бүрийг төлөвлөлтөөс өмнө хуваана.
        S чанар :: Кодыг нэг ажлын өдрийн дотор хянана. | Кодын өөрчлөлт бүрийг нэг ажлын өдрийн дотор хянана. | Кодыг заавал нэг ажлын өдрийн дотор хянана.
    """,
)

# ---------------------------------------------------------------------------------------------------------------
# Folding (close to what the client-safety policy does), slugs, YAML.
# ---------------------------------------------------------------------------------------------------------------
_LOOKALIKE = {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
              "ی": "ي", "ى": "ي", "ک": "ك", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه"}
for _c, _l in zip("авекмнорстухѕіјһүё", "abekmhopctyxsijhye"):
    _LOOKALIKE[_c] = _l


def fold_words(text):
    """The words of a text, lower case, without accents and marks, look-alike letters mapped."""
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(_LOOKALIKE.get(c, c) for c in s if not unicodedata.combining(c))
    return [w for w in re.split(r"[^\w]+|_", s) if w]


_CYR = dict(zip("абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "yo", "j", "z", "i", "i", "k", "l", "m", "n", "o", "o", "p", "r", "s",
                 "t", "u", "u", "f", "kh", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya"]))
_ARAB = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى",
                 ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a", "gh",
                  "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "a", "a", "i", "a", "a"]))


def slugify(title):
    out = []
    for ch in title.lower():
        if ch in _CYR:
            out.append(_CYR[ch])
        elif ch in _ARAB:
            out.append(_ARAB[ch])
        else:
            d = unicodedata.normalize("NFKD", _LOOKALIKE.get(ch, ch))
            out.append("".join(c for c in d if not unicodedata.combining(c)))
    s = re.sub(r"[^a-z0-9]+", "-", "".join(out)).strip("-")
    if len(s) > 50:
        s = s[:50].rsplit("-", 1)[0] if "-" in s[30:50] else s[:50]
    return s.strip("-") or "debrief"


_PLAIN_BAD_START = tuple("-?:,[]{}#&*!|>'\"%@` ")
_RESERVED = re.compile(r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:[0-9][0-9_.:eE+-]*|\.inf|\.nan))$", re.I)


def plain_ok(s, flow=False):
    if not s or s != s.strip() or s.startswith(_PLAIN_BAD_START) or s.endswith(":") or _RESERVED.match(s):
        return False
    if ": " in s or " #" in s or "\n" in s or "\t" in s:
        return False
    return not (flow and any(c in s for c in ",[]{}"))


def quoted(s):
    return s if plain_ok(s) else json.dumps(s, ensure_ascii=False)


def text_value(s, indent):
    """A value after 'key: ': plain, double-quoted, or a literal block indented by `indent`."""
    if "\n" in s:
        pad = " " * indent
        return "|-\n" + "".join(pad + line + "\n" if line else "\n" for line in s.split("\n"))[:-1]
    return quoted(s)


def item_yaml(it):
    lines = ["    - text: " + text_value(it["text"], 8)]
    if "side" in it:
        lines.append("      side: " + it["side"])
    if it.get("internal"):
        lines.append("      internal: true")
    if "counterfactual" in it:
        lines.append("      counterfactual: " + text_value(it["counterfactual"], 8))
    if "at" in it:
        lines.append("      at: " + it["at"])
    if "owner" in it:
        lines.append("      owner: " + quoted(it["owner"]))
    if "due" in it:
        lines.append("      due: " + it["due"])
    if "done" in it:
        lines.append("      done: " + ("true" if it["done"] else "false"))
    if "chosen" in it:
        lines.append("      chosen: " + ("true" if it["chosen"] else "false"))
    if it.get("tags"):
        lines.append("      tags: [" + ", ".join(t if plain_ok(t, flow=True) else json.dumps(t, ensure_ascii=False)
                                                  for t in it["tags"]) + "]")
    return "\n".join(lines) + "\n"


def narrative_yaml(sid, text):
    return "  " + sid + ": |\n" + "".join("    " + line + "\n" if line else "\n" for line in text.split("\n"))


def size_of(s):
    return len(s.encode("utf-8"))


# ---------------------------------------------------------------------------------------------------------------
# The banks, parsed once; team names that could be mistaken for a word of any text are left out.
# ---------------------------------------------------------------------------------------------------------------
def _lines(raw):
    return [l.strip().replace("\\n", "\n") for l in raw.strip().split("\n") if l.strip()]


def parse_bank(raw):
    b = {}
    for key, value in raw.items():
        if key in ("our_side", "client_side", "see_link", "title", "sprint_title", "ops_project", "dev_project",
                   "internal_tag"):
            b[key] = value
        elif key in ("mistakes_us", "mistakes_client"):
            b[key] = [tuple(p.strip() for p in l.split("||")) for l in _lines(value)]
        elif key in ("actions", "inc_actions", "sp_actions"):
            out = []
            for l in _lines(value):
                tag, _, text = l.rpartition(" :: ")
                out.append((text, [tag] if tag else []))
            b[key] = out
        elif key == "lessons":
            rules = []
            for l in _lines(value):
                head, _, body = l.partition(" :: ")
                kind, _, tags = head.partition(" ")
                rules.append((kind, [t for t in tags.split(",") if t], [p.strip() for p in body.split(" | ")]))
            b[key] = rules
        elif key in ("team", "client_people"):
            b[key] = [tuple(p.strip() for p in l.split("|")) if "|" in l else (l, None) for l in _lines(value)]
        else:
            b[key] = _lines(value)
    return b


BANKS = {lang: parse_bank(raw) for lang, raw in RAW.items()}


def _all_strings():
    for raw in RAW.values():
        for key, value in raw.items():
            if key != "team":
                yield value
    for name, _ in CLIENTS:
        yield name
    yield AGENCY
    yield ARCHIVE_CONFIG
    yield " ".join(CODE_FILES)
    yield "https://example.com/notes 2023 2024 2025 2026 2027"


VOCAB = set()
for _s in _all_strings():
    VOCAB.update(fold_words(_s))
for _b in BANKS.values():
    _b["team"] = [(full, call) for full, call in _b["team"]
                  if not any(w in VOCAB for w in fold_words(full))]
    assert len(_b["team"]) >= 6, _b["team"]

# ---------------------------------------------------------------------------------------------------------------
# One record.
# ---------------------------------------------------------------------------------------------------------------
def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    r = rng.random() * total
    for value, w in weighted:
        r -= w
        if r < 0:
            return value
    return weighted[-1][0]


class Record:
    def __init__(self, number, seed):
        self.number = number
        rng = self.rng = random.Random("gen_site_archive:%s:%d" % (seed, number))
        self.lang = pick(rng, LANG_WEIGHTS)
        self.bank = BANKS[self.lang]
        self.format = pick(rng, FORMAT_WEIGHTS)
        self.date = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        self.final = rng.random() < FINAL_SHARE
        self.leak = self.final and rng.random() < LEAK_SHARE / FINAL_SHARE
        b = self.bank
        # The team, now and then with someone from another language's pool; the client's people.
        team = rng.sample(b["team"], rng.randint(2, 4))
        others = [(l, w) for l, w in LANG_WEIGHTS if l != self.lang]
        if rng.random() < 0.15 and others:
            other = BANKS[pick(rng, others)]["team"]
            guest = rng.choice(other)
            if guest not in team:
                team[-1] = guest
        self.team = team
        roles = rng.sample(b["roles"], len(team))
        self.participants = [(full, "us", role) for (full, _), role in zip(team, roles)]
        for name, role in rng.sample(b["client_people"], rng.randint(1, 3)):
            self.participants.append((name, "client", role))
        same = [c for c, l in CLIENTS if l == self.lang]
        self.client = rng.choice(same if rng.random() < 0.75 else [c for c, _ in CLIENTS])
        year = self.date.year
        if self.format == "client-recovery":
            d = rng.choice(b["deliverables"])
            self.title = b["title"].format(d=d, client=self.client)
            self.project = "%s %d" % (d, year)
        elif self.format == "incident":
            self.title = rng.choice(b["incident_titles"])
            self.project = b["ops_project"].format(year=year)
        else:
            self.title = b["sprint_title"].format(n=rng.randint(3, 48))
            self.project = b["dev_project"].format(year=year)
        self.pools = {}
        self.lesson_rules = [r for r in b["lessons"] if r[0] in LESSON_KINDS[self.format]]
        # Some rules are learned far more often than others.
        self.lesson_weights = [1.0 / (1 + k) ** 0.6 for k in range(len(self.lesson_rules))]
        self.used_rules = set()

    # -- text -----------------------------------------------------------------------------------------------
    def fill(self, text, name=None):
        rng = self.rng

        def slot(m):
            k = m.group(1)
            if k == "n1":
                return str(rng.randint(3, 9))
            if k == "n2":
                return str(rng.randint(12, 59))
            if k == "pct":
                return str(rng.randrange(10, 45, 5))
            if k == "h":
                return "%d:%02d" % (rng.randint(6, 11), rng.randrange(0, 60, 5))
            if k == "hn":
                return "%d:%02d" % (rng.randint(1, 4), rng.randrange(0, 60, 5))
            if k == "day":
                return rng.choice(self.bank["days"])
            if k == "name":
                return name
            return m.group(0)
        return re.sub(r"\{(\w+)\}", slot, text) if "{" in text else text

    def decorate(self, text):
        """Now and then some Markdown: emphasis, a code span, a link."""
        rng = self.rng
        r = rng.random()
        if r >= 0.12 or "\n" in text:
            return text
        if r < 0.05 and "*" not in text and "`" not in text:
            words = [w for w in text.split(" ")[1:] if len(w) >= 5 and w.isalpha()]
            if words:
                w = rng.choice(words)
                return text.replace(" " + w, " *" + w + "*", 1)
            return text
        if r < 0.085:
            return text + " `" + self.fill(rng.choice(CODE_FILES)) + "`"
        url = "https://example.com/%s/notes/%d" % (self.lang, rng.randint(100, 999))
        return text + " " + self.bank["see_link"].format(url=url)

    def tags(self):
        rng = self.rng
        if rng.random() < 0.18:
            return rng.sample(self.bank["tags"], 2 if rng.random() < 0.3 else 1)
        return []

    # -- items ----------------------------------------------------------------------------------------------
    def pool(self, key):
        if key not in self.pools:
            entries = self.bank[key]
            self.pools[key] = self.rng.sample(range(len(entries)), len(entries))
        return self.pools[key]

    def draw(self, keys):
        """An unused entry from the first of `keys` that has one (the first key is preferred 3 to 1)."""
        rng = self.rng
        order = list(keys)
        if len(order) > 1 and rng.random() < 0.25:
            order.append(order.pop(0))
        for key in order:
            p = self.pool(key)
            if p:
                return key, p.pop()
        return None, None

    def make_item(self, sid, kind, keys, side):
        rng = self.rng
        b = self.bank
        if kind == "lessons":
            free = [(r, w) for r, w in zip(range(len(self.lesson_rules)), self.lesson_weights) if r not in self.used_rules]
            if not free:
                return None
            k = pick(rng, free)
            self.used_rules.add(k)
            _, tags, phrasings = self.lesson_rules[k]
            text = rng.choice(phrasings)
            if rng.random() < 0.04:
                words = [w for w in text.split(" ")[1:] if len(w) >= 5 and w.isalpha()]
                if words:
                    w = rng.choice(words)
                    text = text.replace(" " + w, " *" + w + "*", 1)
            it = {"text": text}
            if tags and rng.random() < 0.8:
                it["tags"] = list(tags)
            if rng.random() < 0.05 or "staffing" in tags:
                it["internal"] = True
            return it
        key, idx = self.draw(keys)
        if key is None:
            return None
        entry = b[key][idx]
        it = {}
        if key.startswith("mistakes"):
            text, cf = entry
            it["text"] = self.decorate(self.fill(text))
            if side:
                it["side"] = side
            if kind == "mistakes" and rng.random() < 0.85:
                it["counterfactual"] = self.fill(cf)
        elif key.endswith("actions"):
            text, tags = entry
            it["text"] = self.decorate(self.fill(text))
            it["owner"] = rng.choice(self.team)[0]
            if rng.random() < 0.95:
                due = self.date + datetime.timedelta(days=rng.randint(7, 120))
                it["due"] = due.isoformat()
                late = (REF_DAY - due).days
                p_done = 0.95 if late > 180 else 0.6 if late > 0 else 0.15
            else:
                p_done = 0.3
            it["done"] = rng.random() < p_done
            if tags and rng.random() < 0.7:
                it["tags"] = list(tags)
        elif kind == "timeline":
            it["text"] = self.decorate(self.fill(entry))
            it["order"] = idx
            it["at"] = "0000-00-00 00:00" if rng.random() < 0.5 else "0000-00-00"
        else:
            it["text"] = self.decorate(self.fill(entry))
            if side:
                it["side"] = side
        if kind == "remedies":
            it["chosen"] = False
        if "tags" not in it and kind not in ("timeline", "remedies"):
            t = self.tags()
            if t:
                it["tags"] = t
        if kind in ("facts", "emotions", "mistakes", "actions", "list") and rng.random() < 0.05:
            it["internal"] = True
        return it

    def internal_item(self):
        """A note for the team only that names one of them."""
        rng = self.rng
        name = rng.choice(self.team)[1]
        text = self.fill(rng.choice(self.bank["internal"]), name)
        it = {"text": text, "side": "us"}
        if rng.random() < 0.3:
            it["text"] = text + " #internal"
        else:
            it["internal"] = True
        if rng.random() < 0.5:
            it["tags"] = [self.bank["internal_tag"]] if self.lang == "en" else rng.sample(self.bank["tags"], 1)
        return it

    def leak_item(self):
        """A mistake that names a team member, shown to the client: a portal refuses this debrief."""
        rng = self.rng
        full, call = rng.choice(self.team)
        # Most Vietnamese given names are also words ("Nhi", "Mai"): at the start of a sentence the policy takes
        # them for words, so those leaks name the whole person.
        name = full if (full, call) in BANKS["vi"]["team"] else call
        return {"text": self.fill(rng.choice(self.bank["leak"]), name), "side": "us"}

    # -- the whole record --------------------------------------------------------------------------------------
    def narratives(self):
        rng = self.rng
        b = self.bank
        n = {}
        if self.format == "client-recovery":
            k = rng.randint(2, 4)
            picks = sorted(rng.sample(range(len(b["dialogue"])), k))
            n["dialogue"] = " ".join(self.fill(b["dialogue"][i]) for i in picks)
            n["summary"] = "%s %s\n\n%s %s" % (b["our_side"], rng.choice(b["summary_us"]),
                                               b["client_side"], rng.choice(b["summary_client"]))
            if self.final or rng.random() < 0.5:
                paras = [" ".join(sorted(rng.sample(b["outcome"], 2), key=b["outcome"].index))]
                paras += sorted(rng.sample(b["outcome_bold"], rng.randint(1, 2)), key=b["outcome_bold"].index)
                n["outcome"] = "\n\n".join(paras)
        elif self.format == "incident":
            n["summary"] = self.fill(rng.choice(b["inc_summary"]))
            n["impact"] = " ".join(self.fill(t) for t in rng.sample(b["inc_impact"], 2))
            n["detection"] = self.fill(rng.choice(b["inc_detection"]))
            n["resolution"] = self.fill(rng.choice(b["inc_resolution"]))
        else:
            n["summary"] = " ".join(self.fill(t) for t in rng.sample(b["sp_summary"], 2))
        return n

    def header(self):
        out = ["debrief: 1", "format: " + self.format, "title: " + quoted(self.title),
               "date: " + self.date.isoformat(), "status: " + ("final" if self.final else "draft"),
               "client: " + quoted(self.client), "project: " + quoted(self.project), "locale: " + self.lang,
               "participants:"]
        for name, side, role in self.participants:
            out.append("  - name: " + quoted(name))
            out.append("    side: " + side)
            if role:
                out.append("    role: " + quoted(role))
        out.append("sections:")
        return "\n".join(out) + "\n"

    def build(self):
        rng = self.rng
        plan = SECTION_PLAN[self.format]
        narr = self.narratives()
        lists = {}      # section id -> [(item, its YAML)]
        total = size_of(self.header())
        for sid, text in narr.items():
            total += size_of(narrative_yaml(sid, text))

        def add(sid, it):
            y = item_yaml(it)
            lists[sid].append((it, y))
            return size_of(y)

        def side_for(sid):
            us = sum(1 for it, _ in lists[sid] if it.get("side") == "us")
            them = len(lists[sid]) - us
            return "us" if us < them or (us == them and rng.random() < 0.5) else "client"

        def new_item(sid, kind, per_side):
            keys = plan[sid][0]
            if per_side:
                side = side_for(sid)
                it = self.make_item(sid, kind, keys[0] if side == "us" else keys[1], side)
                if it is None:    # this side's bank is used up: the other side's
                    side = "client" if side == "us" else "us"
                    it = self.make_item(sid, kind, keys[0] if side == "us" else keys[1], side)
                return it
            return self.make_item(sid, kind, keys, None)

        specs = [(sid, kind, ps) for sid, kind, ps in FORMATS[self.format] if kind != "narrative"]
        for sid, kind, ps in specs:
            lists[sid] = []
            total += size_of("  %s:\n" % sid)
            for _ in range(plan[sid][1]):
                it = new_item(sid, kind, ps)
                if it is not None:
                    total += add(sid, it)
        # What only the team should see, and (rarely) what the client should not see but will.
        if rng.random() < 0.45:
            total += add(NOTE_SECTION[self.format][0], self.internal_item())
        if self.leak:
            total += add(NOTE_SECTION[self.format][1], self.leak_item())
        # Grow to a size between MIN_BYTES and MAX_BYTES.
        target = int(rng.triangular(MIN_BYTES + 200, MAX_BYTES - 150, 4300))
        open_specs = [s for s in specs if len(lists[s[0]]) < plan[s[0]][3]]
        tries = 0
        while total < target and open_specs and tries < 60:
            tries += 1
            sid, kind, ps = pick(rng, [(s, plan[s[0]][2]) for s in open_specs])
            it = new_item(sid, kind, ps)
            if it is None:
                open_specs.remove((sid, kind, ps))
                continue
            y = item_yaml(it)
            if total + size_of(y) > MAX_BYTES:
                continue
            lists[sid].append((it, y))
            total += size_of(y)
            if len(lists[sid]) >= plan[sid][3]:
                open_specs.remove((sid, kind, ps))
        # Too big from the start (long languages): drop items, never below one per section.
        while total > MAX_BYTES:
            sid = max(lists, key=lambda s: (len(lists[s]), s))
            if len(lists[sid]) <= 1:
                break
            drop = next(k for k in range(len(lists[sid]) - 1, -1, -1) if not self.is_leak(lists[sid][k][0]))
            total -= size_of(lists[sid].pop(drop)[1])
        # Remedies: one chosen in most final records.
        if "remedies" in lists and lists["remedies"] and rng.random() < (0.85 if self.final else 0.3):
            k = rng.randrange(len(lists["remedies"]))
            it = dict(lists["remedies"][k][0], chosen=True)
            lists["remedies"][k] = (it, item_yaml(it))
        # Timeline: in the order of the bank, dated before the record.
        if "timeline" in lists:
            items = sorted((it for it, _ in lists["timeline"]), key=lambda it: it["order"])
            start = max(self.date - datetime.timedelta(days=rng.randint(12, 45)), FIRST_DAY)
            span = max((self.date - start).days - 2, 0)
            moments = sorted((rng.randint(0, span), rng.randrange(7 * 60, 22 * 60, 5)) for _ in items)
            new = []
            for it, (off, minute) in zip(items, moments):
                day = (start + datetime.timedelta(days=off)).isoformat()
                it = dict(it)
                if len(it["at"]) > 10:
                    it["at"] = "%s %02d:%02d" % (day, minute // 60, minute % 60)
                else:
                    it["at"] = day
                del it["order"]
                new.append((it, item_yaml(it)))
            lists["timeline"] = new
        # Written in the format's order.
        parts = [self.header()]
        for sid, kind, _ in FORMATS[self.format]:
            if kind == "narrative":
                if sid in narr:
                    parts.append(narrative_yaml(sid, narr[sid]))
            elif lists.get(sid):
                parts.append("  %s:\n" % sid)
                parts.extend(y for _, y in lists[sid])
        return "".join(parts)

    def is_leak(self, it):
        return self.leak and it.get("side") == "us" and any(call in it["text"] for _, call in self.team) \
            and not it.get("internal") and "#internal" not in it["text"]

    def file_name(self):
        return "%s-%s-%d.yml" % (self.date.isoformat(), slugify(self.title), self.number)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="the archive to write (created when missing)")
    ap.add_argument("--count", type=int, required=True, help="how many debriefs")
    ap.add_argument("--seed", default="1", help="the random seed (any text; default 1)")
    ap.add_argument("--force", action="store_true",
                    help="replace the .yml files of a FOLDER/debriefs that is not empty (otherwise refused)")
    ap.add_argument("--quiet", action="store_true", help="no summary on standard error")
    a = ap.parse_args()
    if a.count < 0:
        ap.error("--count: expected a number of debriefs, 0 or more")
    started = time.monotonic()
    folder = os.path.join(a.folder, "debriefs")
    os.makedirs(folder, exist_ok=True)
    existing = sorted(n for n in os.listdir(folder) if n.endswith(".yml"))
    if existing:
        if not a.force:
            sys.exit("%s: error: %s is not empty (%d debriefs); add --force to replace them"
                     % (sys.argv[0], folder, len(existing)))
        for n in existing:
            os.remove(os.path.join(folder, n))
    with open(os.path.join(a.folder, "debrief.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(ARCHIVE_CONFIG.format(count=a.count, seed=a.seed, agency=AGENCY))
    sizes, langs, formats, finals, leaks = [], {}, {}, 0, 0
    for number in range(1, a.count + 1):
        r = Record(number, a.seed)
        text = r.build()
        data = text.encode("utf-8")
        with open(os.path.join(folder, r.file_name()), "wb") as f:
            f.write(data)
        sizes.append(len(data))
        langs[r.lang] = langs.get(r.lang, 0) + 1
        formats[r.format] = formats.get(r.format, 0) + 1
        finals += r.final
        leaks += r.leak
    if not a.quiet and sizes:
        sizes.sort()
        print("Wrote %d debriefs to %s in %.1f s: %.1f MB, %d to %d bytes each (median %d)."
              % (a.count, folder, time.monotonic() - started, sum(sizes) / 1e6, sizes[0], sizes[-1],
                 sizes[len(sizes) // 2]), file=sys.stderr)
        print("Locales: %s. Formats: %s. Final: %d; naming a team member on purpose: %d."
              % (", ".join("%s %d" % (l, langs.get(l, 0)) for l, _ in LANG_WEIGHTS),
                 ", ".join("%s %d" % (f, formats.get(f, 0)) for f, _ in FORMAT_WEIGHTS), finals, leaks),
              file=sys.stderr)


if __name__ == "__main__":
    main()
