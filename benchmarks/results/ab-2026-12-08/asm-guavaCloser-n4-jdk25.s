Compiled method (c2) 382  687   !   4       org.contextlib4j.benchmarks.CleanupBenchmark::guavaCloser (30 bytes)

/tmp/tmp7nwqpwxu.bin:     file format binary


Disassembly of section .data:

00007f17dbefd100 <.data>:
    7f17dbefd100:	66 90                	xchg   %ax,%ax
    7f17dbefd102:	44 8b 56 08          	mov    0x8(%rsi),%r10d
    7f17dbefd106:	44 3b 50 08          	cmp    0x8(%rax),%r10d
    7f17dbefd10a:	0f 85 d0 94 a8 ff    	jne    0x7f17db9865e0
    7f17dbefd110:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7f17dbefd117:	55                   	push   %rbp
    7f17dbefd118:	48 83 ec 50          	sub    $0x50,%rsp
    7f17dbefd11c:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7f17dbefd123:	00 
    7f17dbefd124:	0f 85 78 09 00 00    	jne    0x7f17dbefdaa2
    7f17dbefd12a:	4c 8b c6             	mov    %rsi,%r8
    7f17dbefd12d:	8b 5e 0c             	mov    0xc(%rsi),%ebx
    7f17dbefd130:	8b 4e 14             	mov    0x14(%rsi),%ecx
    7f17dbefd133:	8b 6e 18             	mov    0x18(%rsi),%ebp
    7f17dbefd136:	49 8b 87 c8 01 00 00 	mov    0x1c8(%r15),%rax
    7f17dbefd13d:	4c 8b d0             	mov    %rax,%r10
    7f17dbefd140:	49 83 c2 28          	add    $0x28,%r10
    7f17dbefd144:	4d 3b 97 d8 01 00 00 	cmp    0x1d8(%r15),%r10
    7f17dbefd14b:	0f 83 87 03 00 00    	jae    0x7f17dbefd4d8
    7f17dbefd151:	4d 89 97 c8 01 00 00 	mov    %r10,0x1c8(%r15)
    7f17dbefd158:	41 0f 18 82 00 01 00 	prefetchnta 0x100(%r10)
    7f17dbefd15f:	00 
    7f17dbefd160:	48 c7 00 01 00 00 00 	movq   $0x1,(%rax)
    7f17dbefd167:	41 0f 18 82 40 01 00 	prefetchnta 0x140(%r10)
    7f17dbefd16e:	00 
    7f17dbefd16f:	c7 40 08 08 24 17 00 	movl   $0x172408,0x8(%rax)
    7f17dbefd176:	41 0f 18 82 80 01 00 	prefetchnta 0x180(%r10)
    7f17dbefd17d:	00 
    7f17dbefd17e:	c7 40 0c 05 00 00 00 	movl   $0x5,0xc(%rax)
    7f17dbefd185:	4c 8b d0             	mov    %rax,%r10
    7f17dbefd188:	49 83 c2 10          	add    $0x10,%r10
    7f17dbefd18c:	c5 fd ef c0          	vpxor  %ymm0,%ymm0,%ymm0
    7f17dbefd190:	41 b9 07 00 00 00    	mov    $0x7,%r9d
    7f17dbefd196:	c4 c1 78 92 f9       	kmovw  %r9d,%k7
    7f17dbefd19b:	62 d1 fe 2f 7f 02    	vmovdqu64 %ymm0,(%r10){%k7}
    7f17dbefd1a1:	33 d2                	xor    %edx,%edx
    7f17dbefd1a3:	85 db                	test   %ebx,%ebx
    7f17dbefd1a5:	0f 8e 25 03 00 00    	jle    0x7f17dbefd4d0
    7f17dbefd1ab:	45 8b 5c ec 0c       	mov    0xc(%r12,%rbp,8),%r11d
    7f17dbefd1b0:	45 85 db             	test   %r11d,%r11d
    7f17dbefd1b3:	0f 86 1f 04 00 00    	jbe    0x7f17dbefd5d8
    7f17dbefd1b9:	4d 63 db             	movslq %r11d,%r11
    7f17dbefd1bc:	4c 63 d3             	movslq %ebx,%r10
    7f17dbefd1bf:	49 ff ca             	dec    %r10
    7f17dbefd1c2:	4d 3b d3             	cmp    %r11,%r10
    7f17dbefd1c5:	0f 83 0d 04 00 00    	jae    0x7f17dbefd5d8
    7f17dbefd1cb:	49 8d 34 ec          	lea    (%r12,%rbp,8),%rsi
    7f17dbefd1cf:	bf e8 03 00 00       	mov    $0x3e8,%edi
    7f17dbefd1d4:	45 33 c9             	xor    %r9d,%r9d
    7f17dbefd1d7:	45 33 db             	xor    %r11d,%r11d
    7f17dbefd1da:	eb 18                	jmp    0x7f17dbefd1f4
        ; ImmutableOopMap {r8=Oop rsi=Oop rax=Oop rbp=NarrowOop xmm1=NarrowOop }
    7f17dbefd1dc:	4d 8b 57 30          	mov    0x30(%r15),%r10
        ;   {poll}
    7f17dbefd1e0:	41 85 02             	test   %eax,(%r10)
    7f17dbefd1e3:	44 3b 1c 24          	cmp    (%rsp),%r11d
    7f17dbefd1e7:	0f 8d e1 00 00 00    	jge    0x7f17dbefd2ce
    7f17dbefd1ed:	8b 1c 24             	mov    (%rsp),%ebx
    7f17dbefd1f0:	c5 f9 7e c9          	vmovd  %xmm1,%ecx
    7f17dbefd1f4:	44 8b eb             	mov    %ebx,%r13d
    7f17dbefd1f7:	45 2b eb             	sub    %r11d,%r13d
    7f17dbefd1fa:	41 3b db             	cmp    %r11d,%ebx
    7f17dbefd1fd:	44 0f 4c ea          	cmovl  %edx,%r13d
    7f17dbefd201:	41 81 fd e8 03 00 00 	cmp    $0x3e8,%r13d
    7f17dbefd208:	44 0f 47 ef          	cmova  %edi,%r13d
    7f17dbefd20c:	45 03 eb             	add    %r11d,%r13d
    7f17dbefd20f:	e9 81 00 00 00       	jmp    0x7f17dbefd295
    7f17dbefd214:	41 b9 04 00 00 00    	mov    $0x4,%r9d
    7f17dbefd21a:	66 0f 1f 44 00 00    	nopw   0x0(%rax,%rax,1)
    7f17dbefd220:	41 83 f9 05          	cmp    $0x5,%r9d
    7f17dbefd224:	0f 83 e7 02 00 00    	jae    0x7f17dbefd511
    7f17dbefd22a:	c5 f9 6e c9          	vmovd  %ecx,%xmm1
    7f17dbefd22e:	89 1c 24             	mov    %ebx,(%rsp)
    7f17dbefd231:	4a 8d 4c 88 10       	lea    0x10(%rax,%r9,4),%rcx
    7f17dbefd236:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f17dbefd23b:	0f 85 bb 04 00 00    	jne    0x7f17dbefd6fc
    7f17dbefd241:	44 89 11             	mov    %r10d,(%rcx)
    7f17dbefd244:	41 8b da             	mov    %r10d,%ebx
    7f17dbefd247:	48 c1 e3 03          	shl    $0x3,%rbx
    7f17dbefd24b:	4c 8b f1             	mov    %rcx,%r14
    7f17dbefd24e:	4c 33 f3             	xor    %rbx,%r14
    7f17dbefd251:	49 c1 ee 16          	shr    $0x16,%r14
    7f17dbefd255:	0f 84 1e 00 00 00    	je     0x7f17dbefd279
    7f17dbefd25b:	4c 8b f1             	mov    %rcx,%r14
    7f17dbefd25e:	49 c1 ee 09          	shr    $0x9,%r14
    7f17dbefd262:	48 bb 00 20 56 ed 17 	movabs $0x7f17ed562000,%rbx
    7f17dbefd269:	7f 00 00 
    7f17dbefd26c:	4c 03 f3             	add    %rbx,%r14
    7f17dbefd26f:	41 80 3e 02          	cmpb   $0x2,(%r14)
    7f17dbefd273:	0f 85 33 05 00 00    	jne    0x7f17dbefd7ac
    7f17dbefd279:	45 85 c9             	test   %r9d,%r9d
    7f17dbefd27c:	0f 84 f6 02 00 00    	je     0x7f17dbefd578
    7f17dbefd282:	41 ff c3             	inc    %r11d
    7f17dbefd285:	45 3b dd             	cmp    %r13d,%r11d
    7f17dbefd288:	0f 8d 4e ff ff ff    	jge    0x7f17dbefd1dc
    7f17dbefd28e:	8b 1c 24             	mov    (%rsp),%ebx
    7f17dbefd291:	c5 f9 7e c9          	vmovd  %xmm1,%ecx
    7f17dbefd295:	46 8b 54 9e 10       	mov    0x10(%rsi,%r11,4),%r10d
    7f17dbefd29a:	45 85 d2             	test   %r10d,%r10d
    7f17dbefd29d:	0f 84 a1 02 00 00    	je     0x7f17dbefd544
    7f17dbefd2a3:	41 ff c9             	dec    %r9d
    7f17dbefd2a6:	45 85 c9             	test   %r9d,%r9d
    7f17dbefd2a9:	0f 8c 65 ff ff ff    	jl     0x7f17dbefd214
    7f17dbefd2af:	e9 6c ff ff ff       	jmp    0x7f17dbefd220
    7f17dbefd2b4:	66 0f 1f 44 00 00    	nopw   0x0(%rax,%rax,1)
    7f17dbefd2ba:	66 0f 1f 44 00 00    	nopw   0x0(%rax,%rax,1)
    7f17dbefd2c0:	45 8b d3             	mov    %r11d,%r10d
    7f17dbefd2c3:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd2c6:	41 8b ca             	mov    %r10d,%ecx
    7f17dbefd2c9:	e9 f7 00 00 00       	jmp    0x7f17dbefd3c5
    7f17dbefd2ce:	c5 f9 7e c9          	vmovd  %xmm1,%ecx
    7f17dbefd2d2:	85 c9                	test   %ecx,%ecx
    7f17dbefd2d4:	0f 85 22 03 00 00    	jne    0x7f17dbefd5fc
    7f17dbefd2da:	45 85 c9             	test   %r9d,%r9d
    7f17dbefd2dd:	0f 84 dd 01 00 00    	je     0x7f17dbefd4c0
    7f17dbefd2e3:	41 83 f9 05          	cmp    $0x5,%r9d
    7f17dbefd2e7:	0f 83 bf 02 00 00    	jae    0x7f17dbefd5ac
    7f17dbefd2ed:	46 8b 54 88 10       	mov    0x10(%rax,%r9,4),%r10d
    7f17dbefd2f2:	43 8b 7c d4 08       	mov    0x8(%r12,%r10,8),%edi
    7f17dbefd2f7:	4b 8d 14 d4          	lea    (%r12,%r10,8),%rdx
    7f17dbefd2fb:	41 8d 49 01          	lea    0x1(%r9),%ecx
    7f17dbefd2ff:	48 33 db             	xor    %rbx,%rbx
    7f17dbefd302:	bd 01 00 00 00       	mov    $0x1,%ebp
    7f17dbefd307:	4e 8d 54 88 10       	lea    0x10(%rax,%r9,4),%r10
    7f17dbefd30c:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f17dbefd311:	0f 85 41 05 00 00    	jne    0x7f17dbefd858
    7f17dbefd317:	41 89 1a             	mov    %ebx,(%r10)
    7f17dbefd31a:	83 f9 05             	cmp    $0x5,%ecx
    7f17dbefd31d:	0f 8d 7c 01 00 00    	jge    0x7f17dbefd49f
    7f17dbefd323:	45 8d 59 02          	lea    0x2(%r9),%r11d
    7f17dbefd327:	4d 63 d3             	movslq %r11d,%r10
    7f17dbefd32a:	33 f6                	xor    %esi,%esi
    7f17dbefd32c:	45 85 db             	test   %r11d,%r11d
    7f17dbefd32f:	4c 0f 4c d6          	cmovl  %rsi,%r10
    7f17dbefd333:	41 8b f2             	mov    %r10d,%esi
    7f17dbefd336:	41 ba 05 00 00 00    	mov    $0x5,%r10d
    7f17dbefd33c:	41 3b f2             	cmp    %r10d,%esi
    7f17dbefd33f:	41 bb 05 00 00 00    	mov    $0x5,%r11d
    7f17dbefd345:	41 0f 4f f3          	cmovg  %r11d,%esi
    7f17dbefd349:	81 ff 08 98 05 01    	cmp    $0x1059808,%edi
    7f17dbefd34f:	0f 85 d9 02 00 00    	jne    0x7f17dbefd62e
    7f17dbefd355:	4c 8b da             	mov    %rdx,%r11
    7f17dbefd358:	45 8b 53 0c          	mov    0xc(%r11),%r10d
    7f17dbefd35c:	bf 01 00 00 00       	mov    $0x1,%edi
    7f17dbefd361:	4b 03 7c d4 10       	add    0x10(%r12,%r10,8),%rdi
    7f17dbefd366:	49 89 7b 10          	mov    %rdi,0x10(%r11)
    7f17dbefd36a:	4b 89 7c d4 10       	mov    %rdi,0x10(%r12,%r10,8)
    7f17dbefd36f:	4d 8b 57 30          	mov    0x30(%r15),%r10
    7f17dbefd373:	41 85 02             	test   %eax,(%r10)
    7f17dbefd376:	41 83 f9 ff          	cmp    $0xffffffff,%r9d
    7f17dbefd37a:	0f 84 40 01 00 00    	je     0x7f17dbefd4c0
    7f17dbefd380:	83 f9 05             	cmp    $0x5,%ecx
    7f17dbefd383:	0f 83 26 02 00 00    	jae    0x7f17dbefd5af
    7f17dbefd389:	44 8b 54 88 10       	mov    0x10(%rax,%rcx,4),%r10d
    7f17dbefd38e:	43 8b 7c d4 08       	mov    0x8(%r12,%r10,8),%edi
    7f17dbefd393:	4b 8d 14 d4          	lea    (%r12,%r10,8),%rdx
    7f17dbefd397:	4c 8d 54 88 10       	lea    0x10(%rax,%rcx,4),%r10
    7f17dbefd39c:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f17dbefd3a1:	0f 85 44 05 00 00    	jne    0x7f17dbefd8eb
    7f17dbefd3a7:	41 89 1a             	mov    %ebx,(%r10)
    7f17dbefd3aa:	44 8d 59 01          	lea    0x1(%rcx),%r11d
    7f17dbefd3ae:	44 3b de             	cmp    %esi,%r11d
    7f17dbefd3b1:	7d 08                	jge    0x7f17dbefd3bb
    7f17dbefd3b3:	44 8b c9             	mov    %ecx,%r9d
    7f17dbefd3b6:	41 8b cb             	mov    %r11d,%ecx
    7f17dbefd3b9:	eb 8e                	jmp    0x7f17dbefd349
    7f17dbefd3bb:	41 83 fb 05          	cmp    $0x5,%r11d
    7f17dbefd3bf:	0f 8d 5b 02 00 00    	jge    0x7f17dbefd620
    7f17dbefd3c5:	81 ff 08 98 05 01    	cmp    $0x1059808,%edi
    7f17dbefd3cb:	0f 85 60 02 00 00    	jne    0x7f17dbefd631
    7f17dbefd3d1:	4c 8b ca             	mov    %rdx,%r9
    7f17dbefd3d4:	45 8b 51 0c          	mov    0xc(%r9),%r10d
    7f17dbefd3d8:	bf 01 00 00 00       	mov    $0x1,%edi
    7f17dbefd3dd:	4b 03 7c d4 10       	add    0x10(%r12,%r10,8),%rdi
    7f17dbefd3e2:	49 89 79 10          	mov    %rdi,0x10(%r9)
    7f17dbefd3e6:	4b 89 7c d4 10       	mov    %rdi,0x10(%r12,%r10,8)
    7f17dbefd3eb:	4d 8b 57 30          	mov    0x30(%r15),%r10
    7f17dbefd3ef:	41 85 02             	test   %eax,(%r10)
    7f17dbefd3f2:	83 f9 ff             	cmp    $0xffffffff,%ecx
    7f17dbefd3f5:	0f 84 c5 00 00 00    	je     0x7f17dbefd4c0
    7f17dbefd3fb:	46 8b 54 98 10       	mov    0x10(%rax,%r11,4),%r10d
        ; implicit exception: dispatches to 0x00007f17dbefd65f
    7f17dbefd400:	43 8b 7c d4 08       	mov    0x8(%r12,%r10,8),%edi
    7f17dbefd405:	4b 8d 14 d4          	lea    (%r12,%r10,8),%rdx
    7f17dbefd409:	4e 8d 4c 98 10       	lea    0x10(%rax,%r11,4),%r9
    7f17dbefd40e:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f17dbefd413:	0f 85 65 05 00 00    	jne    0x7f17dbefd97e
    7f17dbefd419:	41 89 19             	mov    %ebx,(%r9)
    7f17dbefd41c:	41 8d 4b 01          	lea    0x1(%r11),%ecx
    7f17dbefd420:	83 f9 05             	cmp    $0x5,%ecx
    7f17dbefd423:	0f 8c 97 fe ff ff    	jl     0x7f17dbefd2c0
    7f17dbefd429:	83 f9 05             	cmp    $0x5,%ecx
    7f17dbefd42c:	7d 71                	jge    0x7f17dbefd49f
    7f17dbefd42e:	66 90                	xchg   %ax,%ax
        ;   {metadata('org/contextlib4j/benchmarks/Res')}
    7f17dbefd430:	81 ff 08 98 05 01    	cmp    $0x1059808,%edi
    7f17dbefd436:	0f 85 fc 01 00 00    	jne    0x7f17dbefd638
    7f17dbefd43c:	4c 8b d2             	mov    %rdx,%r10
    7f17dbefd43f:	45 8b 4a 0c          	mov    0xc(%r10),%r9d
    7f17dbefd443:	bf 01 00 00 00       	mov    $0x1,%edi
        ; implicit exception: dispatches to 0x00007f17dbefd696
    7f17dbefd448:	4b 03 7c cc 10       	add    0x10(%r12,%r9,8),%rdi
    7f17dbefd44d:	49 89 7a 10          	mov    %rdi,0x10(%r10)
    7f17dbefd451:	4b 89 7c cc 10       	mov    %rdi,0x10(%r12,%r9,8)
    7f17dbefd456:	4d 8b 57 30          	mov    0x30(%r15),%r10
    7f17dbefd45a:	41 85 02             	test   %eax,(%r10)
    7f17dbefd45d:	41 83 fb ff          	cmp    $0xffffffff,%r11d
    7f17dbefd461:	74 5d                	je     0x7f17dbefd4c0
    7f17dbefd463:	83 f9 05             	cmp    $0x5,%ecx
    7f17dbefd466:	0f 83 43 01 00 00    	jae    0x7f17dbefd5af
    7f17dbefd46c:	44 8b 54 88 10       	mov    0x10(%rax,%rcx,4),%r10d
    7f17dbefd471:	43 8b 7c d4 08       	mov    0x8(%r12,%r10,8),%edi
    7f17dbefd476:	4b 8d 14 d4          	lea    (%r12,%r10,8),%rdx
    7f17dbefd47a:	4c 8d 5c 88 10       	lea    0x10(%rax,%rcx,4),%r11
    7f17dbefd47f:	41 80 7f 48 00       	cmpb   $0x0,0x48(%r15)
    7f17dbefd484:	0f 85 7b 05 00 00    	jne    0x7f17dbefda05
    7f17dbefd48a:	41 89 1b             	mov    %ebx,(%r11)
    7f17dbefd48d:	44 8d 51 01          	lea    0x1(%rcx),%r10d
    7f17dbefd491:	41 83 fa 05          	cmp    $0x5,%r10d
    7f17dbefd495:	7d 08                	jge    0x7f17dbefd49f
    7f17dbefd497:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd49a:	41 8b ca             	mov    %r10d,%ecx
    7f17dbefd49d:	eb 91                	jmp    0x7f17dbefd430
    7f17dbefd49f:	81 ff 08 98 05 01    	cmp    $0x1059808,%edi
    7f17dbefd4a5:	0f 85 8b 01 00 00    	jne    0x7f17dbefd636
    7f17dbefd4ab:	4c 8b d2             	mov    %rdx,%r10
    7f17dbefd4ae:	45 8b 5a 0c          	mov    0xc(%r10),%r11d
    7f17dbefd4b2:	4b 03 6c dc 10       	add    0x10(%r12,%r11,8),%rbp
    7f17dbefd4b7:	49 89 6a 10          	mov    %rbp,0x10(%r10)
    7f17dbefd4bb:	4b 89 6c dc 10       	mov    %rbp,0x10(%r12,%r11,8)
    7f17dbefd4c0:	48 83 c4 50          	add    $0x50,%rsp
        ;   {poll_return}
    7f17dbefd4c4:	5d                   	pop    %rbp
    7f17dbefd4c5:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7f17dbefd4c9:	0f 87 bd 05 00 00    	ja     0x7f17dbefda8c
    7f17dbefd4cf:	c3                   	ret
    7f17dbefd4d0:	45 33 c9             	xor    %r9d,%r9d
    7f17dbefd4d3:	e9 fa fd ff ff       	jmp    0x7f17dbefd2d2
    7f17dbefd4d8:	89 4c 24 0c          	mov    %ecx,0xc(%rsp)
    7f17dbefd4dc:	89 5c 24 08          	mov    %ebx,0x8(%rsp)
    7f17dbefd4e0:	48 89 34 24          	mov    %rsi,(%rsp)
        ;   {metadata('java/lang/Object'[])}
    7f17dbefd4e4:	48 be 08 24 17 6d 00 	movabs $0x6d172408,%rsi
    7f17dbefd4eb:	00 00 00 
    7f17dbefd4ee:	ba 05 00 00 00       	mov    $0x5,%edx
    7f17dbefd4f3:	e8 68 c8 b6 ff       	call   0x7f17dba69d60
        ;   {post_call_nop}
    7f17dbefd4f8:	0f 1f 84 00 f0 04 00 	nopl   0x40004f0(%rax,%rax,1)
    7f17dbefd4ff:	04 
    7f17dbefd500:	4c 8b 04 24          	mov    (%rsp),%r8
    7f17dbefd504:	8b 5c 24 08          	mov    0x8(%rsp),%ebx
    7f17dbefd508:	8b 4c 24 0c          	mov    0xc(%rsp),%ecx
    7f17dbefd50c:	e9 90 fc ff ff       	jmp    0x7f17dbefd1a1
    7f17dbefd511:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7f17dbefd516:	89 1c 24             	mov    %ebx,(%rsp)
    7f17dbefd519:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7f17dbefd51e:	44 89 54 24 18       	mov    %r10d,0x18(%rsp)
    7f17dbefd523:	48 89 44 24 20       	mov    %rax,0x20(%rsp)
    7f17dbefd528:	44 89 4c 24 1c       	mov    %r9d,0x1c(%rsp)
    7f17dbefd52d:	4c 89 44 24 28       	mov    %r8,0x28(%rsp)
    7f17dbefd532:	89 4c 24 30          	mov    %ecx,0x30(%rsp)
    7f17dbefd536:	90                   	nop
    7f17dbefd537:	e8 24 93 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd53c:	0f 1f 84 00 34 05 00 	nopl   0x5000534(%rax,%rax,1)
    7f17dbefd543:	05 
    7f17dbefd544:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f17dbefd549:	89 1c 24             	mov    %ebx,(%rsp)
    7f17dbefd54c:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7f17dbefd551:	44 89 54 24 0c       	mov    %r10d,0xc(%rsp)
    7f17dbefd556:	48 89 44 24 10       	mov    %rax,0x10(%rsp)
    7f17dbefd55b:	44 89 4c 24 18       	mov    %r9d,0x18(%rsp)
    7f17dbefd560:	4c 89 44 24 20       	mov    %r8,0x20(%rsp)
    7f17dbefd565:	89 4c 24 1c          	mov    %ecx,0x1c(%rsp)
    7f17dbefd569:	66 90                	xchg   %ax,%ax
    7f17dbefd56b:	e8 f0 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd570:	0f 1f 84 00 68 05 00 	nopl   0x6000568(%rax,%rax,1)
    7f17dbefd577:	06 
    7f17dbefd578:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f17dbefd57d:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7f17dbefd582:	44 89 54 24 08       	mov    %r10d,0x8(%rsp)
    7f17dbefd587:	48 89 44 24 10       	mov    %rax,0x10(%rsp)
    7f17dbefd58c:	44 89 4c 24 18       	mov    %r9d,0x18(%rsp)
    7f17dbefd591:	4c 89 44 24 20       	mov    %r8,0x20(%rsp)
    7f17dbefd596:	c5 fa 11 4c 24 1c    	vmovss %xmm1,0x1c(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f17dbefd59c:	66 66 90             	data16 xchg %ax,%ax
    7f17dbefd59f:	e8 bc 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd5a4:	0f 1f 84 00 9c 05 00 	nopl   0x700059c(%rax,%rax,1)
    7f17dbefd5ab:	07 
    7f17dbefd5ac:	41 8b c9             	mov    %r9d,%ecx
    7f17dbefd5af:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7f17dbefd5b4:	48 89 04 24          	mov    %rax,(%rsp)
    7f17dbefd5b8:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f17dbefd5bd:	4c 89 44 24 10       	mov    %r8,0x10(%rsp)
    7f17dbefd5c2:	89 4c 24 1c          	mov    %ecx,0x1c(%rsp)
    7f17dbefd5c6:	89 4c 24 20          	mov    %ecx,0x20(%rsp)
    7f17dbefd5ca:	90                   	nop
    7f17dbefd5cb:	e8 90 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd5d0:	0f 1f 84 00 c8 05 00 	nopl   0x80005c8(%rax,%rax,1)
    7f17dbefd5d7:	08 
    7f17dbefd5d8:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7f17dbefd5dd:	89 5c 24 04          	mov    %ebx,0x4(%rsp)
    7f17dbefd5e1:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f17dbefd5e6:	4c 89 44 24 10       	mov    %r8,0x10(%rsp)
    7f17dbefd5eb:	89 4c 24 18          	mov    %ecx,0x18(%rsp)
    7f17dbefd5ef:	e8 6c 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd5f4:	0f 1f 84 00 ec 05 00 	nopl   0x90005ec(%rax,%rax,1)
    7f17dbefd5fb:	09 
    7f17dbefd5fc:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f17dbefd601:	48 8b e8             	mov    %rax,%rbp
    7f17dbefd604:	44 89 0c 24          	mov    %r9d,(%rsp)
    7f17dbefd608:	4c 89 44 24 08       	mov    %r8,0x8(%rsp)
    7f17dbefd60d:	89 4c 24 10          	mov    %ecx,0x10(%rsp)
    7f17dbefd611:	66 90                	xchg   %ax,%ax
    7f17dbefd613:	e8 48 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd618:	0f 1f 84 00 10 06 00 	nopl   0xa000610(%rax,%rax,1)
    7f17dbefd61f:	0a 
    7f17dbefd620:	45 8b d3             	mov    %r11d,%r10d
    7f17dbefd623:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd626:	41 8b ca             	mov    %r10d,%ecx
    7f17dbefd629:	e9 fb fd ff ff       	jmp    0x7f17dbefd429
    7f17dbefd62e:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd631:	41 8b cb             	mov    %r11d,%ecx
    7f17dbefd634:	eb 02                	jmp    0x7f17dbefd638
    7f17dbefd636:	33 c9                	xor    %ecx,%ecx
    7f17dbefd638:	be de ff ff ff       	mov    $0xffffffde,%esi
    7f17dbefd63d:	48 8b e8             	mov    %rax,%rbp
    7f17dbefd640:	4c 89 04 24          	mov    %r8,(%rsp)
    7f17dbefd644:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f17dbefd649:	89 4c 24 10          	mov    %ecx,0x10(%rsp)
    7f17dbefd64d:	66 90                	xchg   %ax,%ax
    7f17dbefd64f:	e8 0c 92 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd654:	0f 1f 84 00 4c 06 00 	nopl   0xb00064c(%rax,%rax,1)
    7f17dbefd65b:	0b 
    7f17dbefd65c:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd65f:	41 8b cb             	mov    %r11d,%ecx
    7f17dbefd662:	eb 03                	jmp    0x7f17dbefd667
    7f17dbefd664:	41 8b c9             	mov    %r9d,%ecx
    7f17dbefd667:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f17dbefd66c:	48 8b e8             	mov    %rax,%rbp
    7f17dbefd66f:	4c 89 04 24          	mov    %r8,(%rsp)
    7f17dbefd673:	44 89 54 24 0c       	mov    %r10d,0xc(%rsp)
    7f17dbefd678:	89 4c 24 10          	mov    %ecx,0x10(%rsp)
        ;   {runtime_call UncommonTrapBlob}
    7f17dbefd67c:	66 66 90             	data16 xchg %ax,%ax
    7f17dbefd67f:	e8 dc 91 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd684:	0f 1f 84 00 7c 06 00 	nopl   0xc00067c(%rax,%rax,1)
    7f17dbefd68b:	0c 
    7f17dbefd68c:	33 c9                	xor    %ecx,%ecx
    7f17dbefd68e:	eb 06                	jmp    0x7f17dbefd696
    7f17dbefd690:	44 8b d9             	mov    %ecx,%r11d
    7f17dbefd693:	41 8b cb             	mov    %r11d,%ecx
    7f17dbefd696:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7f17dbefd69b:	48 8b e8             	mov    %rax,%rbp
    7f17dbefd69e:	4c 89 04 24          	mov    %r8,(%rsp)
    7f17dbefd6a2:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f17dbefd6a7:	89 4c 24 10          	mov    %ecx,0x10(%rsp)
    7f17dbefd6ab:	e8 b0 91 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd6b0:	0f 1f 84 00 a8 06 00 	nopl   0xd0006a8(%rax,%rax,1)
    7f17dbefd6b7:	0d 
    7f17dbefd6b8:	44 8b 50 08          	mov    0x8(%rax),%r10d
        ;   {metadata('java/lang/RuntimeException')}
    7f17dbefd6bc:	49 bb 18 a7 1c 6d 00 	movabs $0x6d1ca718,%r11
    7f17dbefd6c3:	00 00 00 
    7f17dbefd6c6:	41 b8 00 00 00 6d    	mov    $0x6d000000,%r8d
    7f17dbefd6cc:	4d 03 c2             	add    %r10,%r8
    7f17dbefd6cf:	4d 8b 50 48          	mov    0x48(%r8),%r10
    7f17dbefd6d3:	4d 3b d3             	cmp    %r11,%r10
    7f17dbefd6d6:	74 0d                	je     0x7f17dbefd6e5
    7f17dbefd6d8:	48 8b f0             	mov    %rax,%rsi
    7f17dbefd6db:	48 83 c4 50          	add    $0x50,%rsp
    7f17dbefd6df:	5d                   	pop    %rbp
        ;   {runtime_call C2 Runtime rethrow}
    7f17dbefd6e0:	e9 7b 78 b7 ff       	jmp    0x7f17dba74f60
    7f17dbefd6e5:	48 8b e8             	mov    %rax,%rbp
    7f17dbefd6e8:	be 95 ff ff ff       	mov    $0xffffff95,%esi
    7f17dbefd6ed:	66 90                	xchg   %ax,%ax
    7f17dbefd6ef:	e8 6c 91 b6 ff       	call   0x7f17dba66860
        ;   {post_call_nop}
    7f17dbefd6f4:	0f 1f 84 00 ec 06 00 	nopl   0xe0006ec(%rax,%rax,1)
    7f17dbefd6fb:	0e 
    7f17dbefd6fc:	8b 19                	mov    (%rcx),%ebx
    7f17dbefd6fe:	48 c1 e3 03          	shl    $0x3,%rbx
    7f17dbefd702:	48 83 fb 00          	cmp    $0x0,%rbx
    7f17dbefd706:	0f 84 35 fb ff ff    	je     0x7f17dbefd241
    7f17dbefd70c:	4d 8b 77 38          	mov    0x38(%r15),%r14
    7f17dbefd710:	4d 85 f6             	test   %r14,%r14
    7f17dbefd713:	0f 84 14 00 00 00    	je     0x7f17dbefd72d
    7f17dbefd719:	49 83 ee 08          	sub    $0x8,%r14
    7f17dbefd71d:	4d 89 77 38          	mov    %r14,0x38(%r15)
    7f17dbefd721:	4d 03 77 40          	add    0x40(%r15),%r14
    7f17dbefd725:	49 89 1e             	mov    %rbx,(%r14)
    7f17dbefd728:	e9 14 fb ff ff       	jmp    0x7f17dbefd241
    7f17dbefd72d:	48 83 ec 50          	sub    $0x50,%rsp
    7f17dbefd731:	c5 f9 d6 4c 24 48    	vmovq  %xmm1,0x48(%rsp)
    7f17dbefd737:	4c 89 54 24 40       	mov    %r10,0x40(%rsp)
    7f17dbefd73c:	4c 89 5c 24 38       	mov    %r11,0x38(%rsp)
    7f17dbefd741:	4c 89 44 24 30       	mov    %r8,0x30(%rsp)
    7f17dbefd746:	4c 89 4c 24 28       	mov    %r9,0x28(%rsp)
    7f17dbefd74b:	48 89 4c 24 20       	mov    %rcx,0x20(%rsp)
    7f17dbefd750:	48 89 7c 24 18       	mov    %rdi,0x18(%rsp)
    7f17dbefd755:	48 89 54 24 10       	mov    %rdx,0x10(%rsp)
    7f17dbefd75a:	48 89 74 24 08       	mov    %rsi,0x8(%rsp)
    7f17dbefd75f:	48 89 04 24          	mov    %rax,(%rsp)
    7f17dbefd763:	48 8b fb             	mov    %rbx,%rdi
    7f17dbefd766:	49 8b f7             	mov    %r15,%rsi
    7f17dbefd769:	e8 c2 d9 fa 16       	call   0x7f17f2eab130
    7f17dbefd76e:	48 8b 04 24          	mov    (%rsp),%rax
    7f17dbefd772:	48 8b 74 24 08       	mov    0x8(%rsp),%rsi
    7f17dbefd777:	48 8b 54 24 10       	mov    0x10(%rsp),%rdx
    7f17dbefd77c:	48 8b 7c 24 18       	mov    0x18(%rsp),%rdi
    7f17dbefd781:	48 8b 4c 24 20       	mov    0x20(%rsp),%rcx
    7f17dbefd786:	4c 8b 4c 24 28       	mov    0x28(%rsp),%r9
    7f17dbefd78b:	4c 8b 44 24 30       	mov    0x30(%rsp),%r8
    7f17dbefd790:	4c 8b 5c 24 38       	mov    0x38(%rsp),%r11
    7f17dbefd795:	4c 8b 54 24 40       	mov    0x40(%rsp),%r10
    7f17dbefd79a:	c5 f8 77             	vzeroupper
    7f17dbefd79d:	c5 fa 7e 4c 24 48    	vmovq  0x48(%rsp),%xmm1
    7f17dbefd7a3:	48 83 c4 50          	add    $0x50,%rsp
    7f17dbefd7a7:	e9 95 fa ff ff       	jmp    0x7f17dbefd241
    7f17dbefd7ac:	f0 83 44 24 c0 00    	lock addl $0x0,-0x40(%rsp)
    7f17dbefd7b2:	41 80 3e 00          	cmpb   $0x0,(%r14)
    7f17dbefd7b6:	0f 84 bd fa ff ff    	je     0x7f17dbefd279
    7f17dbefd7bc:	41 c6 06 00          	movb   $0x0,(%r14)
    7f17dbefd7c0:	49 8b 5f 50          	mov    0x50(%r15),%rbx
    7f17dbefd7c4:	48 85 db             	test   %rbx,%rbx
    7f17dbefd7c7:	0f 84 14 00 00 00    	je     0x7f17dbefd7e1
    7f17dbefd7cd:	48 83 eb 08          	sub    $0x8,%rbx
    7f17dbefd7d1:	49 89 5f 50          	mov    %rbx,0x50(%r15)
    7f17dbefd7d5:	49 03 5f 58          	add    0x58(%r15),%rbx
    7f17dbefd7d9:	4c 89 33             	mov    %r14,(%rbx)
    7f17dbefd7dc:	e9 98 fa ff ff       	jmp    0x7f17dbefd279
    7f17dbefd7e1:	48 83 ec 50          	sub    $0x50,%rsp
    7f17dbefd7e5:	c5 f9 d6 4c 24 48    	vmovq  %xmm1,0x48(%rsp)
    7f17dbefd7eb:	4c 89 54 24 40       	mov    %r10,0x40(%rsp)
    7f17dbefd7f0:	4c 89 5c 24 38       	mov    %r11,0x38(%rsp)
    7f17dbefd7f5:	4c 89 44 24 30       	mov    %r8,0x30(%rsp)
    7f17dbefd7fa:	4c 89 4c 24 28       	mov    %r9,0x28(%rsp)
    7f17dbefd7ff:	48 89 7c 24 20       	mov    %rdi,0x20(%rsp)
    7f17dbefd804:	48 89 54 24 18       	mov    %rdx,0x18(%rsp)
    7f17dbefd809:	48 89 74 24 10       	mov    %rsi,0x10(%rsp)
    7f17dbefd80e:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f17dbefd813:	49 8b fe             	mov    %r14,%rdi
    7f17dbefd816:	49 8b f7             	mov    %r15,%rsi
    7f17dbefd819:	e8 32 d9 fa 16       	call   0x7f17f2eab150
    7f17dbefd81e:	48 8b 44 24 08       	mov    0x8(%rsp),%rax
    7f17dbefd823:	48 8b 74 24 10       	mov    0x10(%rsp),%rsi
    7f17dbefd828:	48 8b 54 24 18       	mov    0x18(%rsp),%rdx
    7f17dbefd82d:	48 8b 7c 24 20       	mov    0x20(%rsp),%rdi
    7f17dbefd832:	4c 8b 4c 24 28       	mov    0x28(%rsp),%r9
    7f17dbefd837:	4c 8b 44 24 30       	mov    0x30(%rsp),%r8
    7f17dbefd83c:	4c 8b 5c 24 38       	mov    0x38(%rsp),%r11
    7f17dbefd841:	4c 8b 54 24 40       	mov    0x40(%rsp),%r10
    7f17dbefd846:	c5 f8 77             	vzeroupper
    7f17dbefd849:	c5 fa 7e 4c 24 48    	vmovq  0x48(%rsp),%xmm1
    7f17dbefd84f:	48 83 c4 50          	add    $0x50,%rsp
    7f17dbefd853:	e9 21 fa ff ff       	jmp    0x7f17dbefd279
    7f17dbefd858:	41 8b 32             	mov    (%r10),%esi
    7f17dbefd85b:	48 c1 e6 03          	shl    $0x3,%rsi
    7f17dbefd85f:	48 83 fe 00          	cmp    $0x0,%rsi
    7f17dbefd863:	0f 84 ae fa ff ff    	je     0x7f17dbefd317
    7f17dbefd869:	4d 8b 5f 38          	mov    0x38(%r15),%r11
    7f17dbefd86d:	4d 85 db             	test   %r11,%r11
    7f17dbefd870:	0f 84 14 00 00 00    	je     0x7f17dbefd88a
    7f17dbefd876:	49 83 eb 08          	sub    $0x8,%r11
    7f17dbefd87a:	4d 89 5f 38          	mov    %r11,0x38(%r15)
    7f17dbefd87e:	4d 03 5f 40          	add    0x40(%r15),%r11
    7f17dbefd882:	49 89 33             	mov    %rsi,(%r11)
    7f17dbefd885:	e9 8d fa ff ff       	jmp    0x7f17dbefd317
    7f17dbefd88a:	48 83 ec 40          	sub    $0x40,%rsp
    7f17dbefd88e:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7f17dbefd893:	4c 89 44 24 30       	mov    %r8,0x30(%rsp)
    7f17dbefd898:	4c 89 4c 24 28       	mov    %r9,0x28(%rsp)
    7f17dbefd89d:	48 89 4c 24 20       	mov    %rcx,0x20(%rsp)
    7f17dbefd8a2:	48 89 7c 24 18       	mov    %rdi,0x18(%rsp)
    7f17dbefd8a7:	48 89 54 24 10       	mov    %rdx,0x10(%rsp)
    7f17dbefd8ac:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f17dbefd8b1:	48 8b fe             	mov    %rsi,%rdi
        ;   {runtime_call G1BarrierSetRuntime::write_ref_field_pre_entry(oopDesc*, JavaThread*)}
    7f17dbefd8b4:	49 8b f7             	mov    %r15,%rsi
    7f17dbefd8b7:	e8 74 d8 fa 16       	call   0x7f17f2eab130
    7f17dbefd8bc:	48 8b 44 24 08       	mov    0x8(%rsp),%rax
    7f17dbefd8c1:	48 8b 54 24 10       	mov    0x10(%rsp),%rdx
    7f17dbefd8c6:	48 8b 7c 24 18       	mov    0x18(%rsp),%rdi
    7f17dbefd8cb:	48 8b 4c 24 20       	mov    0x20(%rsp),%rcx
    7f17dbefd8d0:	4c 8b 4c 24 28       	mov    0x28(%rsp),%r9
    7f17dbefd8d5:	4c 8b 44 24 30       	mov    0x30(%rsp),%r8
    7f17dbefd8da:	4c 8b 54 24 38       	mov    0x38(%rsp),%r10
    7f17dbefd8df:	c5 f8 77             	vzeroupper
    7f17dbefd8e2:	48 83 c4 40          	add    $0x40,%rsp
    7f17dbefd8e6:	e9 2c fa ff ff       	jmp    0x7f17dbefd317
    7f17dbefd8eb:	45 8b 0a             	mov    (%r10),%r9d
    7f17dbefd8ee:	49 c1 e1 03          	shl    $0x3,%r9
    7f17dbefd8f2:	49 83 f9 00          	cmp    $0x0,%r9
    7f17dbefd8f6:	0f 84 ab fa ff ff    	je     0x7f17dbefd3a7
    7f17dbefd8fc:	4d 8b 5f 38          	mov    0x38(%r15),%r11
    7f17dbefd900:	4d 85 db             	test   %r11,%r11
    7f17dbefd903:	0f 84 14 00 00 00    	je     0x7f17dbefd91d
    7f17dbefd909:	49 83 eb 08          	sub    $0x8,%r11
    7f17dbefd90d:	4d 89 5f 38          	mov    %r11,0x38(%r15)
    7f17dbefd911:	4d 03 5f 40          	add    0x40(%r15),%r11
    7f17dbefd915:	4d 89 0b             	mov    %r9,(%r11)
    7f17dbefd918:	e9 8a fa ff ff       	jmp    0x7f17dbefd3a7
    7f17dbefd91d:	48 83 ec 40          	sub    $0x40,%rsp
    7f17dbefd921:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7f17dbefd926:	4c 89 44 24 30       	mov    %r8,0x30(%rsp)
    7f17dbefd92b:	48 89 4c 24 28       	mov    %rcx,0x28(%rsp)
    7f17dbefd930:	48 89 7c 24 20       	mov    %rdi,0x20(%rsp)
    7f17dbefd935:	48 89 54 24 18       	mov    %rdx,0x18(%rsp)
    7f17dbefd93a:	48 89 74 24 10       	mov    %rsi,0x10(%rsp)
    7f17dbefd93f:	48 89 44 24 08       	mov    %rax,0x8(%rsp)
    7f17dbefd944:	49 8b f9             	mov    %r9,%rdi
    7f17dbefd947:	49 8b f7             	mov    %r15,%rsi
    7f17dbefd94a:	e8 e1 d7 fa 16       	call   0x7f17f2eab130
    7f17dbefd94f:	48 8b 44 24 08       	mov    0x8(%rsp),%rax
    7f17dbefd954:	48 8b 74 24 10       	mov    0x10(%rsp),%rsi
    7f17dbefd959:	48 8b 54 24 18       	mov    0x18(%rsp),%rdx
    7f17dbefd95e:	48 8b 7c 24 20       	mov    0x20(%rsp),%rdi
    7f17dbefd963:	48 8b 4c 24 28       	mov    0x28(%rsp),%rcx
    7f17dbefd968:	4c 8b 44 24 30       	mov    0x30(%rsp),%r8
    7f17dbefd96d:	4c 8b 54 24 38       	mov    0x38(%rsp),%r10
    7f17dbefd972:	c5 f8 77             	vzeroupper
    7f17dbefd975:	48 83 c4 40          	add    $0x40,%rsp
    7f17dbefd979:	e9 29 fa ff ff       	jmp    0x7f17dbefd3a7
    7f17dbefd97e:	41 8b 09             	mov    (%r9),%ecx
    7f17dbefd981:	48 c1 e1 03          	shl    $0x3,%rcx
    7f17dbefd985:	48 83 f9 00          	cmp    $0x0,%rcx
    7f17dbefd989:	0f 84 8a fa ff ff    	je     0x7f17dbefd419
    7f17dbefd98f:	4d 8b 57 38          	mov    0x38(%r15),%r10
    7f17dbefd993:	4d 85 d2             	test   %r10,%r10
    7f17dbefd996:	0f 84 14 00 00 00    	je     0x7f17dbefd9b0
    7f17dbefd99c:	49 83 ea 08          	sub    $0x8,%r10
    7f17dbefd9a0:	4d 89 57 38          	mov    %r10,0x38(%r15)
    7f17dbefd9a4:	4d 03 57 40          	add    0x40(%r15),%r10
    7f17dbefd9a8:	49 89 0a             	mov    %rcx,(%r10)
    7f17dbefd9ab:	e9 69 fa ff ff       	jmp    0x7f17dbefd419
    7f17dbefd9b0:	48 83 ec 30          	sub    $0x30,%rsp
    7f17dbefd9b4:	4c 89 5c 24 28       	mov    %r11,0x28(%rsp)
    7f17dbefd9b9:	4c 89 44 24 20       	mov    %r8,0x20(%rsp)
    7f17dbefd9be:	4c 89 4c 24 18       	mov    %r9,0x18(%rsp)
    7f17dbefd9c3:	48 89 7c 24 10       	mov    %rdi,0x10(%rsp)
    7f17dbefd9c8:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f17dbefd9cd:	48 89 04 24          	mov    %rax,(%rsp)
    7f17dbefd9d1:	48 8b f9             	mov    %rcx,%rdi
        ;   {runtime_call G1BarrierSetRuntime::write_ref_field_pre_entry(oopDesc*, JavaThread*)}
    7f17dbefd9d4:	49 8b f7             	mov    %r15,%rsi
    7f17dbefd9d7:	e8 54 d7 fa 16       	call   0x7f17f2eab130
    7f17dbefd9dc:	48 8b 04 24          	mov    (%rsp),%rax
    7f17dbefd9e0:	48 8b 54 24 08       	mov    0x8(%rsp),%rdx
    7f17dbefd9e5:	48 8b 7c 24 10       	mov    0x10(%rsp),%rdi
    7f17dbefd9ea:	4c 8b 4c 24 18       	mov    0x18(%rsp),%r9
    7f17dbefd9ef:	4c 8b 44 24 20       	mov    0x20(%rsp),%r8
    7f17dbefd9f4:	4c 8b 5c 24 28       	mov    0x28(%rsp),%r11
    7f17dbefd9f9:	c5 f8 77             	vzeroupper
    7f17dbefd9fc:	48 83 c4 30          	add    $0x30,%rsp
    7f17dbefda00:	e9 14 fa ff ff       	jmp    0x7f17dbefd419
    7f17dbefda05:	45 8b 0b             	mov    (%r11),%r9d
    7f17dbefda08:	49 c1 e1 03          	shl    $0x3,%r9
    7f17dbefda0c:	49 83 f9 00          	cmp    $0x0,%r9
    7f17dbefda10:	0f 84 74 fa ff ff    	je     0x7f17dbefd48a
    7f17dbefda16:	4d 8b 57 38          	mov    0x38(%r15),%r10
    7f17dbefda1a:	4d 85 d2             	test   %r10,%r10
    7f17dbefda1d:	0f 84 14 00 00 00    	je     0x7f17dbefda37
    7f17dbefda23:	49 83 ea 08          	sub    $0x8,%r10
    7f17dbefda27:	4d 89 57 38          	mov    %r10,0x38(%r15)
    7f17dbefda2b:	4d 03 57 40          	add    0x40(%r15),%r10
    7f17dbefda2f:	4d 89 0a             	mov    %r9,(%r10)
    7f17dbefda32:	e9 53 fa ff ff       	jmp    0x7f17dbefd48a
    7f17dbefda37:	48 83 ec 30          	sub    $0x30,%rsp
    7f17dbefda3b:	4c 89 5c 24 28       	mov    %r11,0x28(%rsp)
    7f17dbefda40:	4c 89 44 24 20       	mov    %r8,0x20(%rsp)
    7f17dbefda45:	48 89 4c 24 18       	mov    %rcx,0x18(%rsp)
    7f17dbefda4a:	48 89 7c 24 10       	mov    %rdi,0x10(%rsp)
    7f17dbefda4f:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f17dbefda54:	48 89 04 24          	mov    %rax,(%rsp)
    7f17dbefda58:	49 8b f9             	mov    %r9,%rdi
    7f17dbefda5b:	49 8b f7             	mov    %r15,%rsi
    7f17dbefda5e:	e8 cd d6 fa 16       	call   0x7f17f2eab130
    7f17dbefda63:	48 8b 04 24          	mov    (%rsp),%rax
    7f17dbefda67:	48 8b 54 24 08       	mov    0x8(%rsp),%rdx
    7f17dbefda6c:	48 8b 7c 24 10       	mov    0x10(%rsp),%rdi
    7f17dbefda71:	48 8b 4c 24 18       	mov    0x18(%rsp),%rcx
    7f17dbefda76:	4c 8b 44 24 20       	mov    0x20(%rsp),%r8
    7f17dbefda7b:	4c 8b 5c 24 28       	mov    0x28(%rsp),%r11
    7f17dbefda80:	c5 f8 77             	vzeroupper
    7f17dbefda83:	48 83 c4 30          	add    $0x30,%rsp
    7f17dbefda87:	e9 fe f9 ff ff       	jmp    0x7f17dbefd48a
        ;   {internal_word}
    7f17dbefda8c:	49 ba c5 d4 ef db 17 	movabs $0x7f17dbefd4c5,%r10
    7f17dbefda93:	7f 00 00 
    7f17dbefda96:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7f17dbefda9d:	e9 be c0 a8 ff       	jmp    0x7f17db989b60
    7f17dbefdaa2:	e8 19 2b a7 ff       	call   0x7f17db9705c0
    7f17dbefdaa7:	e9 7e f6 ff ff       	jmp    0x7f17dbefd12a
    7f17dbefdaac:	f4                   	hlt
    7f17dbefdaad:	f4                   	hlt
    7f17dbefdaae:	f4                   	hlt
    7f17dbefdaaf:	f4                   	hlt
        ;   {runtime_call ExceptionBlob}
    7f17dbefdab0:	e9 ab 90 b6 ff       	jmp    0x7f17dba66b60
    7f17dbefdab5:	e8 00 00 00 00       	call   0x7f17dbefdaba
    7f17dbefdaba:	48 83 2c 24 05       	subq   $0x5,(%rsp)
    7f17dbefdabf:	e9 1c a8 a8 ff       	jmp    0x7f17db9882e0
    7f17dbefdac4:	f4                   	hlt
    7f17dbefdac5:	f4                   	hlt
    7f17dbefdac6:	f4                   	hlt
    7f17dbefdac7:	f4                   	hlt

