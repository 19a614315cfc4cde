using FaqBot.Hosting.Reloading;
using FaqBot.Knowledge.Model;

namespace FaqBot.Hosting.Tests.Reloading;

public sealed class KnowledgeChangesTests
{
    [Fact]
    public void Entries_are_reported_added_removed_or_changed_by_id_and_a_moved_line_is_no_change()
    {
        var before = Base(Entry("kept", "same", line: 3), Entry("edited", "old answer"), Entry("gone", "x"));
        var after = Base(Entry("kept", "same", line: 40), Entry("edited", "new answer"), Entry("new", "y"));

        var changes = KnowledgeChanges.Between(before, after);

        Assert.Equal(["new"], changes.Added);
        Assert.Equal(["gone"], changes.Removed);
        Assert.Equal(["edited"], changes.Changed);
        Assert.Equal("1 added (new), 1 removed (gone), 1 changed (edited)", changes.ToString());
    }

    [Fact]
    public void The_same_knowledge_base_has_no_changes()
    {
        var kb = Base(Entry("a", "answer"));

        Assert.True(KnowledgeChanges.Between(kb, Base(Entry("a", "answer"))).IsEmpty);
    }

    private static KnowledgeBase Base(params FaqEntry[] entries) => new([], entries);

    private static FaqEntry Entry(string id, string answer, int line = 1) =>
        new(id, "article", EntryKind.Section, [$"question {id}"], answer, ["Title", id], null, [new Passage($"{id}-p1", PassageKind.Paragraph, answer, answer)], line);
}
