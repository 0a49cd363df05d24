#!/usr/bin/env node
// The `deskbot` command: loads TypeScript through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./deskbot.ts');
