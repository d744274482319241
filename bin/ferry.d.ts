// Types of bin/ferry.js (plain JavaScript, so that any Node can start it) for the tests.
export declare function runsFerry(version: string): boolean;
export declare function tooOldMessage(version: string): string;
export declare function bundledNode(platform?: NodeJS.Platform, arch?: string): string | undefined;
