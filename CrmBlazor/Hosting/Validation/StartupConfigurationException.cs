namespace CrmBlazor.Hosting.Validation;

/// <summary>
/// The app cannot start with this configuration. The message is the one line the host sees:
/// the key, what it holds and what is expected, never a secret.
/// </summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
