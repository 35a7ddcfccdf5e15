// What a block or page needs from the viewer's grants to be shown (DESIGN.md section 5).
export type EntityOp = 'read' | 'create' | 'edit' | 'delete';
export type Requirement = { entity: string; op: EntityOp } | { action: string };
