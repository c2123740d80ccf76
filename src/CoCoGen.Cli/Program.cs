using CoCoGen.Cli;
using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Torch;

// The composition root decides which learning backends this build offers (Learning:Backend, --backend).
LearningBackends.Register("torch", request => new TorchLearningBackend(request.Device, request.Threads, request.Seed));
return await CocogenCommandLine.InvokeAsync(args);
