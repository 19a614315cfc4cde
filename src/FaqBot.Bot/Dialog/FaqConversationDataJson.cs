using System.Text.Json.Serialization;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// System.Text.Json metadata for <see cref="FaqConversationData"/>, generated at build time: conversation state is read
/// and written on every turn, and generated code skips the reflection-built metadata lookups on that path.
/// </summary>
[JsonSerializable(typeof(FaqConversationData))]
public sealed partial class FaqConversationDataJson : JsonSerializerContext;
