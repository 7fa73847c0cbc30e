export declare function chromePath(): string;
export declare const chromeArgs: string[];
