using Feeds.Local;

return await LocalCommands.RunAsync(args).ConfigureAwait(false);
